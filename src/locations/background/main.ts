// The background location has no UI and must not load React or Garden: it wires ZAF events to
// the data layer (see background.ts). It starts once Zendesk registers the app and stops when
// Zendesk destroys it.
import { createZafZendeskClient } from '@/zendesk/api'
import { applyChange, loadAccount, openAccountStore, readTicketState } from '@/zendesk/store'
import { createTeamSync } from '@/zendesk/sync'
import { initZafClient } from '@/zendesk/zaf/sdk'
import type { ZafContext, ZafMetadata } from '@/zendesk/zaf/types'

import { startBackground } from './background'

const started = initZafClient()
if (started.kind === 'client') {
  const zaf = started.client
  zaf.on('app.registered', (data) => {
    const { context, metadata } = (data ?? {}) as { context?: ZafContext; metadata?: ZafMetadata }
    if (context === undefined || metadata === undefined) {
      console.warn('Retention Radar background: app.registered without context or metadata')
      return
    }
    startBackground({
      zaf,
      context,
      metadata,
      deps: {
        openStore: openAccountStore,
        readTicketState,
        loadAccount,
        applyChange,
        createClient: (client, settings) => createZafZendeskClient(client, settings),
        createSync: createTeamSync,
      },
    }).then(
      (background) => zaf.on('app.willDestroy', () => background.stop()),
      (err: unknown) => console.warn('Retention Radar background: not started', err),
    )
  })
} else {
  console.warn(`Retention Radar background: not started (${started.kind})`)
}
