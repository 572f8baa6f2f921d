// Whether the open ticket's requester is someone the app can assess.

import type { RequesterHistory } from '@/zendesk/history'
import type { TicketState } from '@/zendesk/hooks/useTicketState'

export type RequesterKind = 'none' | 'anonymous' | 'deleted' | 'suspended' | 'known'

/** The names Zendesk makes up for people it cannot identify. */
const PLACEHOLDER_NAME = /^(anonymous\b|caller\s+\+?[\d\s().-]+$|visitor\s+\d+$)/i

/**
 * - `none`: the ticket has no requester yet;
 * - `deleted`: Zendesk keeps the user with `active: false`, or no longer finds them;
 * - `suspended`: the user is suspended;
 * - `anonymous`: no way to recognise them: no email, and no name or only the placeholder Zendesk
 *   gives an unknown person ("Anonymous…", a caller named after the number "Caller +1 555…", a
 *   chat "Visitor 4821");
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
  if (email === null && (name === '' || PLACEHOLDER_NAME.test(name))) return 'anonymous'
  return 'known'
}
