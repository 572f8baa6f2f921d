// How the ticket sidebar starts, so that its first render already shows the score, in the agent's
// language. ZAF's gets for the open ticket and the signed-in agent are asked before Zendesk
// registers the app (the SDK sends them the moment the registration arrives), the agent's
// language loads as soon as their locale is known, and React mounts when all three are in, with
// the registration, the ticket and the language already known: no skeleton render, no English
// render before the agent's own language, and no second round trip before the score. Everything
// else (the requester's history, the baseline, the score field lookup, event listeners) starts in
// the hooks' effects, after that first paint.
import type { QueryClient } from '@tanstack/react-query'

import { loadLanguage } from '@/i18n/language'
import type { Language } from '@/i18n/language'
import { formEditsOf } from '@/zendesk/actions'
import { currentUserOf } from '@/zendesk/hooks/currentUser'
import { createQueryClient } from '@/zendesk/hooks/queryClient'
import { queryKeys } from '@/zendesk/hooks/queryKeys'
import { CLOCK_STORAGE_KEY } from '@/zendesk/hooks/serverClock'
import { settingsOf } from '@/zendesk/hooks/useSettings'
import { TICKET_STATE_PATHS, ticketStateOf } from '@/zendesk/hooks/useTicketState'
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

/**
 * How long React waits for ZAF's answers (and the agent's language) before it mounts with what it
 * has: the skeleton while the ticket is still coming, English while the language is.
 */
export const TICKET_WAIT_MS = 250

export type SidebarStart = {
  /** What AppShell's client provider starts from: the client, registered when it could be. */
  init: InitResult
  /** The query cache, holding the open ticket and the signed-in agent when ZAF answered in time. */
  queryClient: QueryClient
  /** The agent's language when it loaded in time; null: English until it has. */
  language: Language | null
}

/**
 * Waits for Zendesk's registration, the open ticket, the signed-in agent and their language (at
 * most `waitMs` after registration), then calls `mount` once. Outside Zendesk, or without the
 * SDK, it mounts at once (the app explains). A registration the app cannot run on is skipped with
 * a warning, as the client provider does.
 *
 * @example
 * startSidebar(initZafClient(), ({ init, queryClient, language }) =>
 *   root.render(<AppShell init={() => init} queryClient={queryClient} language={language}>…</AppShell>),
 * )
 */
export function startSidebar(
  started: InitResult,
  mount: (start: SidebarStart) => void,
  waitMs = TICKET_WAIT_MS,
): void {
  const queryClient = createQueryClient()
  if (started.kind !== 'client') {
    mount({ init: started, queryClient, language: null })
    return
  }
  const { client } = started
  // The agent's form edits are followed from now on, so one made while the sidebar loads counts.
  formEditsOf(client)
  openStorage()
  // Asked now, in one get (one answer to wait for), sent by the SDK as soon as Zendesk registers
  // the app.
  const answer = client.get([...TICKET_STATE_PATHS, 'currentUser'])
  const ticket = answer.then(ticketStateOf)
  const user = answer.then((result) => currentUserOf(result.currentUser))
  let language: Language | null = null
  const languageIn = user.then(
    async ({ locale }) => {
      language = await loadLanguage(locale)
    },
    () => undefined,
  )
  // A failed read is the hooks' to show (they ask again; the ticket offers a retry); a language
  // that does not load leaves English, as the I18nProvider does.
  ticket.catch(() => undefined)
  user.catch(() => undefined)
  languageIn.catch((err: unknown) => {
    console.warn("Retention Radar: could not load the agent's language", err)
  })
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
    // Parsed now, while Zendesk answers the get; the first render reads them. The API client
    // is left to the first request, after that render (see sidebarApi).
    settingsOf(registration.metadata.settings)
    const key = queryKeys.ticketState.one(registration.context.ticketId ?? 0)
    // Resolves once the answers are in the cache (an error stays in the query: the hook retries).
    const filled = Promise.all([
      queryClient.prefetchQuery({ queryKey: key, queryFn: () => ticket, retry: false }),
      queryClient.prefetchQuery({
        queryKey: queryKeys.currentUser.all,
        queryFn: () => user,
        retry: false,
      }),
      languageIn.catch(() => undefined),
    ])
    let mounted = false
    const go = () => {
      if (mounted) return
      mounted = true
      clearTimeout(timer)
      mount({
        init: { kind: 'client', client, registration },
        queryClient,
        language,
      })
    }
    const timer = setTimeout(go, waitMs)
    void filled.then(go)
  }
  client.on('app.registered', onRegistered)
}
