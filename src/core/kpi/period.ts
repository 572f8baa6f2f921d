/**
 * The previous period of equal length (in local days) for deltas: `[from - n, from)` where
 * `n = to - from`.
 *
 * @param fromDay - first local day (days since 1970-01-01)
 * @param toDay - exclusive end day
 *
 * @example
 * previousPeriod(19730, 19737) //=> { fromDay: 19723, toDay: 19730 }
 */
export function previousPeriod(fromDay: number, toDay: number): { fromDay: number; toDay: number } {
  const length = toDay - fromDay
  return { fromDay: fromDay - length, toDay: fromDay }
}
