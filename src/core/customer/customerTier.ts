// The VIP tier of a customer value under the model's settings: the one tier rule that the
// assessment, the score and the tier split of the team reports share.

import type { AccountBaseline } from './accountBaseline'
import type { ValueModelSettings } from './settings'
import type { CustomerValue, VipTierResult } from './types'
import { DEFAULT_ESTIMATE_THRESHOLDS, DEFAULT_TIER_THRESHOLDS, vipTier } from './vipTier'

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
  return value.isEstimate
    ? vipTier(value.amount, tags, {
        percentileThresholds: baseline.estimateThresholds,
        fallbackThresholds: settings.estimateTierThresholds ?? DEFAULT_ESTIMATE_THRESHOLDS,
      })
    : vipTier(value.amount, tags, {
        thresholds: settings.tierThresholds ?? null,
        percentileThresholds: baseline.valueThresholds,
        fallbackThresholds: settings.tierFallbackThresholds ?? DEFAULT_TIER_THRESHOLDS,
      })
}
