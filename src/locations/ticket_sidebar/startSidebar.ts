// How the ticket sidebar starts, so that its first render already shows the score. ZAF's get for
// the open ticket is asked before Zendesk registers the app (the SDK sends it the moment the
// registration arrives) and React mounts when the answer is in, with the registration and the
// ticket already known: no skeleton render and no second round trip before the score. Everything
// else (the requester's history, the baseline, the score field lookup, event listeners) starts in
// the hooks' effects, after that first paint.
import type { QueryClient } from '@tanstack/react-query'

import { formEditsOf } from '@/zendesk/actions'
import { createQueryClient } from '@/zendesk/hooks/queryClient'
import { queryKeys } from '@/zendesk/hooks/queryKeys'
import { CLOCK_STORAGE_KEY } from '@/zendesk/hooks/serverClock'
import { fetchTicketState } from '@/zendesk/hooks/useTicketState'
import { browserStore } from '@/zendesk/leader/tabs'
import { parseRegistration } from '@/zendesk/zaf/registered'
import type { InitResult } from '@/zendesk/zaf/sdk'

/**
 * Opens the frame's storage areas. The first touch of sessionStorage or localStorage in a frame
 * waits for the browser to load the area (a synchronous call out of the page); done here it
 * overlaps Zendesk's answer to the handshake instead of holding up the first render, which reads
 * the learnt Zendesk clock, the tab's history cache and the SLA warnings from them. The shared
 * store the SLA warnings are read from is probed here too (a write and a removal, once per
 * document), not in the first render's SLA warning slot.
 */
function openStorage(): void {
  try {
    window.sessionStorage.getItem(CLOCK_STORAGE_KEY)
  } catch {
    // storage blocked: the hooks work without it
  }
  browserStore()
}

/** How long React waits for ZAF's ticket answer before it mounts with the skeleton instead. */
export const TICKET_WAIT_MS = 250

export type SidebarStart = {
  /** What AppShell's client provider starts from: the client, registered when it could be. */
  init: InitResult
  /** The query cache, holding the open ticket when ZAF answered in time. */
  queryClient: QueryClient
}

/**
 * Waits for Zendesk's registration and the open ticket (at most `waitMs` after registration), then
 * calls `mount` once. Outside Zendesk, or without the SDK, it mounts at once (the app explains).
 * A registration the app cannot run on is skipped with a warning, as the client provider does.
 *
 * @example
 * startSidebar(initZafClient(), ({ init, queryClient }) =>
 *   root.render(<AppShell init={() => init} queryClient={queryClient}><TicketSidebar /></AppShell>),
 * )
 */
export function startSidebar(
  started: InitResult,
  mount: (start: SidebarStart) => void,
  waitMs = TICKET_WAIT_MS,
): void {
  const queryClient = createQueryClient()
  if (started.kind !== 'client') {
    mount({ init: started, queryClient })
    return
  }
  const { client } = started
  // The agent's form edits are followed from now on, so one made while the sidebar loads counts.
  formEditsOf(client)
  openStorage()
  // Asked now, sent by the SDK as soon as Zendesk registers the app.
  const ticket = fetchTicketState(client)
  // A failed read is the hook's to show (it asks again and offers a retry).
  ticket.catch(() => undefined)
  let registered = false
  const onRegistered = (data?: unknown) => {
    if (registered) return
    const registration = parseRegistration(data)
    if ('problem' in registration) {
      console.warn(`Retention Radar: ${registration.problem}`)
      return
    }
    registered = true
    // Not at once: the SDK walks its handler list while dispatching.
    queueMicrotask(() => client.off('app.registered', onRegistered))
    const key = queryKeys.ticketState.one(registration.context.ticketId ?? 0)
    // Resolves once the answer is in the cache (an error stays in the query: the hook retries).
    const filled = queryClient.prefetchQuery({ queryKey: key, queryFn: () => ticket, retry: false })
    let mounted = false
    const go = () => {
      if (mounted) return
      mounted = true
      clearTimeout(timer)
      mount({ init: { kind: 'client', client, registered: data }, queryClient })
    }
    const timer = setTimeout(go, waitMs)
    void filled.then(go)
  }
  client.on('app.registered', onRegistered)
}
