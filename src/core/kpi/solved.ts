import type { TicketStatus } from '../types'

/**
 * Whether a status counts as solved: Explore's *Solved tickets* are status Solved **or** Closed
 * [Z-EXP]. A solved ticket is anchored on `solved_at`.
 *
 * @example
 * isSolvedStatus('closed') //=> true
 * isSolvedStatus('pending') //=> false
 */
export function isSolvedStatus(status: TicketStatus): boolean {
  return status === 'solved' || status === 'closed'
}
