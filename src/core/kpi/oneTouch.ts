/**
 * Explore's one-touch rule: `VALUE(Agent replies) < 2` on a solved or closed ticket [Z-1T], so 0
 * or 1 public agent replies. Unknown replies (no metric set) do not count as one-touch.
 * The rate is one-touch / solved (see `rateKpi`).
 *
 * @example
 * isOneTouch(1) //=> true
 * isOneTouch(2) //=> false
 * isOneTouch(null) //=> false
 */
export function isOneTouch(replies: number | null): boolean {
  return replies !== null && replies >= 0 && replies < 2
}
