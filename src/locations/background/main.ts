// The background location has no UI and must not load React or Garden: it wires ZAF events to
// the data layer (see background.ts). It starts once Zendesk registers the app and stops when
// Zendesk destroys it. The background engine elects one tab per browser to run the team sync,
// puts every request under the browser-wide API budget and runs the agent's SLA warnings.
import { createBackgroundEngine } from '@/zendesk/leader/engine'
import { applyChange, loadAccount, openAccountStore, readTicketState } from '@/zendesk/store'
import { initZafClient } from '@/zendesk/zaf/sdk'
import { parseRegistration } from '@/zendesk/zaf/registered'

import { startBackground } from './background'

const started = initZafClient()
if (started.kind === 'client') {
  const zaf = started.client
  zaf.on('app.registered', (data) => {
    const registration = parseRegistration(data)
    if ('problem' in registration) {
      console.warn(`Retention Radar background: ${registration.problem}`)
      return
    }
    const { context, metadata } = registration
    const engine = createBackgroundEngine({ zaf, context })
    startBackground({
      zaf,
      context,
      metadata,
      deps: {
        openStore: openAccountStore,
        readTicketState,
        loadAccount,
        applyChange,
        createClient: (client, settings) => engine.createClient(client, settings),
        createSync: (options) => engine.createSync(options),
      },
    }).then(
      (background) => {
        // the user the background read for its role check: the warnings need not ask again
        engine.startSlaWarnings(background.settings, background.user)
        zaf.on('app.willDestroy', () => {
          background.stop()
          engine.stop()
        })
      },
      (err: unknown) => {
        console.warn('Retention Radar background: not started', err)
        engine.stop()
      },
    )
  })
} else {
  console.warn(`Retention Radar background: not started (${started.kind})`)
}
