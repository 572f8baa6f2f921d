/**
 * Reassigned tickets: Explore's `Assignee stations > 1` [Z-EXP]. Rate over solved.
 *
 * @example
 * isReassigned(2) //=> true
 * isReassigned(1) //=> false
 */
export function isReassigned(assigneeStations: number | null): boolean {
  return assigneeStations !== null && assigneeStations > 1
}
