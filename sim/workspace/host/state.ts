// The workspace page's shared state. Modules read and change it through `state` (the config, the
// ZafHost, the open ticket and the list's order), so none of them holds a stale copy.
import type { ZafHost } from './protocol'
import type { Config, FrameView, Ticket } from './types'

export const params = new URLSearchParams(window.location.search)
export const role = ['admin', 'lead', 'agent'].includes(params.get('role') ?? '')
  ? (params.get('role') as string)
  : 'admin'
export const tickets = new Map<number, Ticket>()
export const frames = new Map<string, FrameView>()

/** How long a loaded page may take to handshake before the workspace reports it (`?handshakeTimeoutMs=`). */
export const HANDSHAKE_TIMEOUT_MS = Number(params.get('handshakeTimeoutMs')) || 15_000

export const state = {
  /** Set by main() from /workspace/api/config before any view runs. */
  config: undefined as unknown as Config,
  /** Set by main.ts when the page starts. */
  host: undefined as unknown as ZafHost,
  currentTicketId: null as number | null,
  // Sort `auto` (until the agent picks a column): the server orders by the priority score once any
  // listed ticket has one, else by the latest update; `shownSort` is the order it used.
  listState: { sort: 'auto', dir: 'desc', offset: 0, limit: 50, all: false },
  shownSort: 'updated',
}
