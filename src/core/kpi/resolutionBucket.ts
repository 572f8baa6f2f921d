import { RESOLUTION_TIME_BANDS, RESOLUTION_TIME_BUCKETS } from '../types'
import type { ResolutionTimeBucket } from '../types'

/** Lower bounds (inclusive, minutes) of the bands, in order. */
const LOWER = RESOLUTION_TIME_BANDS.map((b) => b.fromMinutes)

/**
 * Index into `RESOLUTION_TIME_BUCKETS` of a calendar full resolution time, or -1 when it is in no band
 * (negative or not a number). Lower bounds are inclusive: exactly 60 minutes is `1-4h`, 7 days or
 * more is `>7d`.
 *
 * @example
 * resolutionBucketIndex(59) //=> 0
 * resolutionBucketIndex(60) //=> 1
 * resolutionBucketIndex(10080) //=> 6
 * resolutionBucketIndex(-5) //=> -1
 */
export function resolutionBucketIndex(minutes: number): number {
  if (!(minutes >= 0)) return -1
  let i = LOWER.length - 1
  while (minutes < (LOWER[i] as number)) i--
  return i
}

/**
 * Band counts as a labelled record.
 *
 * @example
 * labelResolutionBuckets([3, 0, 0, 0, 0, 0, 1])['>7d'] //=> 1
 */
export function labelResolutionBuckets(
  counts: ArrayLike<number>,
): Record<ResolutionTimeBucket, number> {
  const out = {} as Record<ResolutionTimeBucket, number>
  RESOLUTION_TIME_BUCKETS.forEach((label, i) => {
    out[label] = counts[i] ?? 0
  })
  return out
}
