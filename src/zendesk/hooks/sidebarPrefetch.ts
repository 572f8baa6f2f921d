// The sidebar's two reads started the moment Zendesk registers the app, before React mounts: the
// requester's history (the slow request on the score's path) and the account baseline run in
// parallel with the first render instead of after it. The hooks take each answer once; a later
// refresh asks Zendesk again as usual.

import type { SharedBaseline } from '../baseline/sharedBaseline'
import { readSharedBaseline } from '../baseline/sharedBaseline'
import type { RequesterHistory } from '../history'
import { parseSettings } from '../settings'
import type { ZafClient } from '../zaf/types'
import { historyCache } from './historyCache'
import { sidebarApi } from './sidebarApi'

type Started = {
  history: Map<number, Promise<RequesterHistory>>
  baseline: Promise<SharedBaseline> | null
}

const started = new WeakMap<ZafClient, Started>()

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** A promise nobody awaits yet must not report an unhandled rejection; the hook sees the error. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

/**
 * Listens for `app.registered` on `client` and starts the history of the ticket's requester (unless
 * the tab's cache has it) and the baseline read. Registration data without a context and settings
 * starts nothing (the next registration is awaited); the hooks then read as they would without it.
 *
 * @example
 * const started = initZafClient()
 * if (started.kind === 'client') prefetchSidebar(started.client)
 */
export function prefetchSidebar(client: ZafClient): void {
  let done = false
  const onRegistered = (data?: unknown) => {
    if (done) return
    // Not a registration the app can run on: wait for a proper one, as the client provider does.
    if (!isObject(data) || !isObject(data.context) || !isObject(data.metadata)) return
    const account = isObject(data.context.account) ? data.context.account.subdomain : undefined
    if (typeof account !== 'string') return
    done = true
    // Not at once: the SDK walks its handler list while dispatching, and removing this one from
    // under it would skip the next listener (the client provider's).
    queueMicrotask(() => client.off('app.registered', onRegistered))
    const rawSettings = isObject(data.metadata.settings) ? data.metadata.settings : {}
    const { settings } = parseSettings(rawSettings)
    const { api, history } = sidebarApi(client, settings)
    const state: Started = {
      history: new Map(),
      baseline: quiet(readSharedBaseline(api, { account })),
    }
    started.set(client, state)
    client
      .get('ticket.requester.id')
      .then((answer) => {
        const id = answer['ticket.requester.id']
        if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return
        if (historyCache().read(account, id) !== undefined) return
        state.history.set(id, quiet(history.get(id, { force: true })))
      })
      .catch(() => undefined)
  }
  client.on('app.registered', onRegistered)
}

/**
 * The history started at registration for `requesterId`, handed out once; undefined when none was
 * started (another requester, or already taken).
 *
 * @example
 * const answer = await (takePrefetchedHistory(client, 42) ?? history.get(42, { force: true }))
 */
export function takePrefetchedHistory(
  client: ZafClient,
  requesterId: number,
): Promise<RequesterHistory> | undefined {
  const state = started.get(client)
  const promise = state?.history.get(requesterId)
  state?.history.delete(requesterId)
  return promise
}

/**
 * The baseline read started at registration, handed out once; undefined when none was started.
 *
 * @example
 * const answer = await (takePrefetchedBaseline(client) ?? readSharedBaseline(api, { account }))
 */
export function takePrefetchedBaseline(client: ZafClient): Promise<SharedBaseline> | undefined {
  const state = started.get(client)
  const promise = state?.baseline ?? undefined
  if (state !== undefined) state.baseline = null
  return promise
}
