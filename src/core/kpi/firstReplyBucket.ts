import { FIRST_REPLY_BUCKETS } from '../types'
import type { FirstReplyBucket } from '../types'

/** Upper bounds (exclusive, minutes) of the first five buckets; the last is open. */
const UPPER = [60, 120, 360, 720, 1440] as const

/**
 * Index into `FIRST_REPLY_BUCKETS` (< 1 h, 1–2 h, 2–6 h, 6–12 h, 12–24 h, > 24 h) of a calendar
 * first reply time. Lower bounds are inclusive: exactly 60 minutes is `1-2h`; 24 h or more is
 * `>24h`.
 *
 * @example
 * firstReplyBucketIndex(59) //=> 0
 * firstReplyBucketIndex(60) //=> 1
 * firstReplyBucketIndex(1440) //=> 5
 */
export function firstReplyBucketIndex(minutes: number): number {
  for (let i = 0; i < UPPER.length; i++) if (minutes < (UPPER[i] as number)) return i
  return UPPER.length
}

/**
 * Bucket counts as a labelled record.
 *
 * @example
 * labelBuckets([1, 0, 0, 0, 0, 2])['>24h'] //=> 2
 */
export function labelBuckets(counts: ArrayLike<number>): Record<FirstReplyBucket, number> {
  const out = {} as Record<FirstReplyBucket, number>
  FIRST_REPLY_BUCKETS.forEach((label, i) => {
    out[label] = counts[i] ?? 0
  })
  return out
}
