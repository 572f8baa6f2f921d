// Volume by day with the previous period laid over it, day by day.

export interface DayOverlayPoint {
  /** Day of the current period (YYYY-MM-DD). */
  day: string
  /** The day of the previous period at the same position; null when that period is shorter. */
  previousDay: string | null
  current: number
  previous: number | null
}

/**
 * Pairs the n-th day of the current period with the n-th day of the previous one, so the two
 * curves share the x axis. Days come sorted, whatever order the report's object has.
 *
 * @example
 * dayOverlay({ '2026-10-02': 5, '2026-10-03': 7 }, { '2026-09-30': 4, '2026-10-01': 6 })
 * //=> [{ day: '2026-10-02', previousDay: '2026-09-30', current: 5, previous: 4 }, { day: '2026-10-03', previousDay: '2026-10-01', current: 7, previous: 6 }]
 */
export function dayOverlay(
  current: Readonly<Record<string, number>>,
  previous: Readonly<Record<string, number>>,
): DayOverlayPoint[] {
  const days = Object.keys(current).sort()
  const before = Object.keys(previous).sort()
  return days.map((day, i) => {
    const previousDay = before[i] ?? null
    return {
      day,
      previousDay,
      current: current[day] ?? 0,
      previous: previousDay === null ? null : (previous[previousDay] ?? 0),
    }
  })
}
