// The background location has no UI and must not load React or Garden: it wires ZAF events to
// the data layer. Once registered it checks the installation settings and, unless the admin
// turned it off, keeps the team data in sync in this browser's IndexedDB (one database per
// account) within the API budget; the sync stops when Zendesk destroys the app.
import { createZafZendeskClient } from '@/zendesk/api'
import { parseSettings } from '@/zendesk/settings'
import { createTeamSync, openSyncDb } from '@/zendesk/sync'
import { initZafClient } from '@/zendesk/zaf/sdk'
import type { ZafClient, ZafContext, ZafMetadata } from '@/zendesk/zaf/types'

async function startTeamSync(
  zaf: ZafClient,
  context: ZafContext | undefined,
  metadata: ZafMetadata | undefined,
) {
  const { settings, problems } = parseSettings(metadata?.settings ?? {})
  for (const problem of problems) {
    console.warn(`Retention Radar: setting "${problem.setting}" is not valid`, problem.params)
  }
  if (!settings.syncEnabled) return
  const client = createZafZendeskClient(zaf, settings)
  const db = await openSyncDb(`retention-radar-sync-${context?.account.subdomain ?? 'account'}`)
  const sync = createTeamSync({
    client,
    db,
    onProgress: (progress) => {
      if (progress.error !== null) console.warn('Retention Radar: team sync', progress.error)
    },
  })
  zaf.on('app.willDestroy', () => sync.stop())
  await sync.start()
}

const started = initZafClient()
if (started.kind === 'client') {
  const zaf = started.client
  zaf.on('app.registered', (data) => {
    const { context, metadata } = (data ?? {}) as { context?: ZafContext; metadata?: ZafMetadata }
    startTeamSync(zaf, context, metadata).catch((err: unknown) => {
      // A failed sync leaves what is stored in place; the next app load resumes from its cursor.
      console.warn('Retention Radar: team sync stopped', err)
    })
  })
} else {
  console.warn(`Retention Radar background: not started (${started.kind})`)
}
