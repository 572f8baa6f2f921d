/**
 * Reopened tickets: `reopens > 0` (metric set "total number of times the ticket was reopened";
 * the Explore formula is presumably the same but not confirmed [SPEC], [Z-EXP]). Rate over solved.
 *
 * @example
 * isReopened(2) //=> true
 * isReopened(0) //=> false
 */
export function isReopened(reopens: number | null): boolean {
  return reopens !== null && reopens > 0
}
