// The background location has no UI and must not load React or Garden: it wires ZAF events to
// the data layer. It registers with Zendesk and validates the installation settings; the team
// sync and SLA warnings attach here as the data layer provides them.
import { parseSettings } from '@/zendesk/settings'
import { initZafClient } from '@/zendesk/zaf/sdk'
import type { ZafMetadata } from '@/zendesk/zaf/types'

const started = initZafClient()
if (started.kind === 'client') {
  started.client.on('app.registered', (data) => {
    const { metadata } = (data ?? {}) as { metadata?: ZafMetadata }
    const { problems } = parseSettings(metadata?.settings ?? {})
    for (const problem of problems) {
      console.warn(`Retention Radar: setting "${problem.setting}" is not valid`, problem.params)
    }
  })
} else {
  console.warn(`Retention Radar background: not started (${started.kind})`)
}
