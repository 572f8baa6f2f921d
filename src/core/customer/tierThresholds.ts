// Tier thresholds from the account's value distribution: top 1 / 5 / 20 %.

import { quantileOfSorted } from '../_lib/quantile'
import type { TierThresholds } from './types'

/** Share of customers in each tier or above (B.4 uses tiers; the shares are ours). */
export const TIER_PERCENTILES = { platinum: 0.01, gold: 0.05, silver: 0.2 } as const

export interface TierThresholdsOptions {
  /** Fewer usable values than this gives null (percentiles of a handful mean little). Default 20. */
  minCustomers?: number
}

/**
 * Thresholds so that about the top 1 % of customers are Platinum, the top 5 % Gold or better and
 * the top 20 % Silver or better: the 99th, 95th and 80th percentiles of the values. Non-finite and
 * negative values are ignored; thresholds are rounded to 0.01. Returns null when fewer than `minCustomers` values remain.
 *
 * @example
 * tierThresholdsFromDistribution(Array.from({ length: 101 }, (_, i) => i * 10))
 * //=> { silver: 800, gold: 950, platinum: 990 }
 */
export function tierThresholdsFromDistribution(
  values: readonly number[],
  options: TierThresholdsOptions = {},
): TierThresholds | null {
  const usable = values.filter((v) => Number.isFinite(v) && v >= 0)
  if (usable.length < (options.minCustomers ?? 20)) return null
  // sorted once for the three quantiles (-0 read as 0: the interpolation never yields -0 anyway)
  const sorted = Float64Array.from(usable, (v) => v + 0).sort()
  // rounded to cents so thresholds read as money ("next tier at 2,380.00")
  const at = (share: number): number =>
    Math.round((quantileOfSorted(sorted, 1 - share) as number) * 100) / 100
  return {
    silver: at(TIER_PERCENTILES.silver),
    gold: at(TIER_PERCENTILES.gold),
    platinum: at(TIER_PERCENTILES.platinum),
  }
}
