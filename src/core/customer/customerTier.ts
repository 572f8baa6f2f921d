// The VIP tier of a customer value under the model's settings: the one tier rule that the
// assessment, the score and the tier split of the team reports share.

import type { AccountBaseline } from './accountBaseline'
import type { ValueModelSettings } from './settings'
import type { CustomerValue, VipTier, VipTierResult } from './types'
import {
  DEFAULT_ESTIMATE_THRESHOLDS,
  DEFAULT_TIER_THRESHOLDS,
  vipTier,
  vipTierName,
} from './vipTier'
import type { VipTierOptions } from './vipTier'

/**
 * Tier of `value`: a `vip_*` tag in `tags` wins; then the configured thresholds; then the
 * account's percentiles; then the fallback thresholds. Engagement estimates are tiered against
 * estimate thresholds, never money ones.
 *
 * @example
 * customerTier(customerValue(profile, history, now), profile.tags, baseline).tier //=> 'gold'
 */
export function customerTier(
  value: Pick<CustomerValue, 'amount' | 'isEstimate'>,
  tags: readonly string[],
  baseline: Pick<AccountBaseline, 'valueThresholds' | 'estimateThresholds'>,
  settings: ValueModelSettings = {},
): VipTierResult {
  return vipTier(value.amount, tags, tierOptions(value, baseline, settings))
}

/**
 * Only the tier name of `customerTier` (same rules), for passes over every customer.
 *
 * @example
 * customerTierName(customerValue(profile, history, now), profile.tags, baseline) //=> 'gold'
 */
export function customerTierName(
  value: Pick<CustomerValue, 'amount' | 'isEstimate'>,
  tags: readonly string[],
  baseline: Pick<AccountBaseline, 'valueThresholds' | 'estimateThresholds'>,
  settings: ValueModelSettings = {},
): VipTier {
  return vipTierName(value.amount, tags, tierOptions(value, baseline, settings))
}

/** Estimates against estimate thresholds, money against configured, percentile or fallback ones. */
function tierOptions(
  value: Pick<CustomerValue, 'isEstimate'>,
  baseline: Pick<AccountBaseline, 'valueThresholds' | 'estimateThresholds'>,
  settings: ValueModelSettings,
): VipTierOptions {
  return value.isEstimate
    ? {
        percentileThresholds: baseline.estimateThresholds,
        fallbackThresholds: settings.estimateTierThresholds ?? DEFAULT_ESTIMATE_THRESHOLDS,
      }
    : {
        thresholds: settings.tierThresholds ?? null,
        percentileThresholds: baseline.valueThresholds,
        fallbackThresholds: settings.tierFallbackThresholds ?? DEFAULT_TIER_THRESHOLDS,
      }
}
