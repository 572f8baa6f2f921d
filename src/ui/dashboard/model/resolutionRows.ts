// The resolution-time distribution as rows: one per band of the core's RESOLUTION_TIME_BANDS.

import { RESOLUTION_TIME_BANDS } from '@/core'
import type { ResolutionTimeBucket } from '@/core'

export interface ResolutionRow {
  bucket: ResolutionTimeBucket
  fromMinutes: number
  /** Exclusive; null for the open last band. */
  toMinutes: number | null
  /** Solved tickets of the period in the band; null when the report has no distribution. */
  count: number | null
  /** The figure's path in the kpi command's JSON. */
  kpi: string
}

/**
 * Every band of the full resolution time, shortest first, with the report's count and its kpi
 * path (`prefix` for a segment, e.g. `segments.gold.`).
 *
 * @example
 * resolutionRows({ '<1h': 4, '1-4h': 9, '4-8h': 0, '8-24h': 2, '1-2d': 0, '2-7d': 1, '>7d': 0 })[1]
 * //=> { bucket: '1-4h', fromMinutes: 60, toMinutes: 240, count: 9, kpi: 'fullResolutionMinutes.buckets.1-4h' }
 */
export function resolutionRows(
  buckets: Readonly<Partial<Record<ResolutionTimeBucket, number>>> | undefined,
  prefix = '',
): ResolutionRow[] {
  return RESOLUTION_TIME_BANDS.map((band) => {
    const count = buckets?.[band.bucket]
    return {
      ...band,
      count: typeof count === 'number' ? count : null,
      kpi: `${prefix}fullResolutionMinutes.buckets.${band.bucket}`,
    }
  })
}
