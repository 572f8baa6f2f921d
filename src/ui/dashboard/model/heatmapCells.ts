// The weekday × hour heatmap's cells with their shade.

export interface HeatmapCell {
  /** 0 = Monday … 6 = Sunday, as the report's byWeekdayHour. */
  weekday: number
  hour: number
  count: number
  /** count / busiest cell, 0…1 (0 when every cell is empty): drives the colour. */
  intensity: number
}

/**
 * One row of 24 cells per weekday, Monday first. Missing or non-finite counts read as 0.
 *
 * @example
 * heatmapCells([[0, 2], [4]])[0][1] //=> { weekday: 0, hour: 1, count: 2, intensity: 0.5 }
 */
export function heatmapCells(byWeekdayHour: readonly (readonly number[])[]): HeatmapCell[][] {
  const count = (w: number, h: number): number => {
    const v = byWeekdayHour[w]?.[h]
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0
  }
  let max = 0
  for (let w = 0; w < 7; w++) for (let h = 0; h < 24; h++) max = Math.max(max, count(w, h))
  return Array.from({ length: 7 }, (_, weekday) =>
    Array.from({ length: 24 }, (_, hour) => {
      const c = count(weekday, hour)
      return { weekday, hour, count: c, intensity: max === 0 ? 0 : c / max }
    }),
  )
}
