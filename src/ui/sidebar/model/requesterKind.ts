// Whether the open ticket's requester is someone the app can assess.

import type { RequesterHistory } from '@/zendesk/history'
import type { TicketState } from '@/zendesk/hooks/useTicketState'

export type RequesterKind = 'none' | 'anonymous' | 'deleted' | 'suspended' | 'known'

/**
 * - `none`: the ticket has no requester yet;
 * - `deleted`: Zendesk keeps the user with `active: false`, or no longer finds them;
 * - `suspended`: the user is suspended;
 * - `anonymous`: no way to reach or recognise them (no email and no name);
 * - `known`: everyone else.
 *
 * @example
 * requesterKind(ticket, history, false) //=> 'known'
 */
export function requesterKind(
  ticket: TicketState,
  history: RequesterHistory | null,
  notFound: boolean,
): RequesterKind {
  const person = ticket.requester
  if (person === null) return 'none'
  if (notFound || history?.requester?.active === false) return 'deleted'
  if (history?.requester?.suspended === true) return 'suspended'
  const email = history?.requester?.email ?? person.email
  const name = (history?.requester?.name ?? person.name).trim()
  if (email === null && (name === '' || /^anonymous\b/i.test(name))) return 'anonymous'
  return 'known'
}
