// The bands of the resolution-time distribution (full resolution, calendar minutes).

export interface ResolutionBand {
  fromMinutes: number
  /** Exclusive; null for the open last band. */
  toMinutes: number | null
}

const BOUNDS = [0, 60, 240, 480, 1440, 2880, 10080] as const

/**
 * Seven bands: under 1 h, 1–4 h, 4–8 h, 8–24 h, 1–2 d, 2–7 d and 7 d or more: one working
 * shift apart at the short end, days apart at the long tail.
 *
 * @example
 * resolutionBands()[1] //=> { fromMinutes: 60, toMinutes: 240 }
 */
export function resolutionBands(): ResolutionBand[] {
  return BOUNDS.map((from, i) => ({ fromMinutes: from, toMinutes: BOUNDS[i + 1] ?? null }))
}
