// One customer's value, tier, churn risk and retention value together.

import type { AccountBaseline } from './accountBaseline'
import { churnRisk } from './churnRisk'
import { customerTier } from './customerTier'
import { customerValue } from './customerValue'
import { retentionValue } from './retentionValue'
import type { RetentionValue } from './retentionValue'
import type { ValueModelSettings } from './settings'
import type {
  ChurnRisk,
  CustomerProfile,
  CustomerTicket,
  CustomerValue,
  VipTierResult,
} from './types'

export interface CustomerAssessment {
  customerId: number | null
  value: CustomerValue
  tier: VipTierResult
  churn: ChurnRisk
  retentionValue: RetentionValue
}

/**
 * Everything the model knows about one customer as of `now`. Tier rules: a `vip_*` tag on the
 * user, the organization or `extraTags` (e.g. the current ticket's tags) wins; then the configured
 * thresholds; then the account's percentiles (top 1/5/20 %); then the default thresholds. Values
 * that are engagement estimates are tiered against estimate thresholds, never money ones.
 *
 * @param profile the user (null when unknown: value is then an estimate, flagged)
 * @param history the customer's tickets
 *
 * @example
 * assessCustomer(profile, history, baseline, now).tier.tier //=> 'gold'
 */
export function assessCustomer(
  profile: CustomerProfile | null,
  history: readonly CustomerTicket[],
  baseline: AccountBaseline,
  now: number,
  settings: ValueModelSettings = {},
  extraTags: readonly string[] = [],
): CustomerAssessment {
  const value = customerValue(profile, history, now, settings.value)
  const tags = [...(profile?.tags ?? []), ...(profile?.organization?.tags ?? []), ...extraTags]
  const tier = customerTier(value, tags, baseline, settings)
  const churn = churnRisk(
    profile,
    history,
    { accountMedianWaitMinutes: baseline.medianWaitMinutes },
    now,
    settings.churn,
  )
  return {
    customerId: profile?.id ?? null,
    value,
    tier,
    churn,
    retentionValue: retentionValue(value.amount, churn.score, value.currency),
  }
}
