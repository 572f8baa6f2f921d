// Which sentence explains the retention curve's turning point, and with which figures.

import type { RetentionByResolution } from '@/core'

export type KneeSentence =
  | { key: 'none' }
  | {
      key: 'speedPaysBelow' | 'speedStopsBelow' | 'slopeChanges'
      hours: number
      below: number
      above: number
    }

/**
 * The one-sentence reading of the knee: past it slower resolution costs no more retention (speed
 * pays only below it), below it faster costs nothing more, or the slope just changes there.
 * Slopes are percentage points per extra hour, shown without their sign (the sentence says "falls").
 *
 * @example
 * kneeSentence({ buckets: [], fasterStopsPayingOffAt: null, knee: { hours: 24, slopeBelow: -0.8, slopeAbove: -0.05, flatSide: 'above', customers: 900 } })
 * //=> { key: 'speedPaysBelow', hours: 24, below: 0.8, above: 0.05 }
 */
export function kneeSentence(byResolution: RetentionByResolution): KneeSentence {
  const knee = byResolution.knee
  if (knee === null) return { key: 'none' }
  const key =
    knee.flatSide === 'above'
      ? 'speedPaysBelow'
      : knee.flatSide === 'below'
        ? 'speedStopsBelow'
        : 'slopeChanges'
  return {
    key,
    hours: knee.hours,
    below: Math.abs(knee.slopeBelow),
    above: Math.abs(knee.slopeAbove),
  }
}
