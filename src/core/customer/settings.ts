// The value model's settings in one object, every part optional (defaults in each module).

import type { ChurnRiskOptions } from './churnRisk'
import type { CustomerValueOptions } from './customerValue'
import type { PriorityScoreOptions } from './priorityScore'
import type { SlaTargets } from './slaTargets'
import type { TierThresholds } from './types'

export interface ValueModelSettings {
  value?: CustomerValueOptions
  /** Configured money thresholds; null or absent → the account's percentiles, else the defaults. */
  tierThresholds?: TierThresholds | null
  /**
   * Money thresholds used when tiers come from the account's percentiles but the account has none
   * (no baseline yet, or too few customers). Default `DEFAULT_TIER_THRESHOLDS`.
   */
  tierFallbackThresholds?: TierThresholds
  /** Thresholds for engagement estimates (points). Default `DEFAULT_ESTIMATE_THRESHOLDS`. */
  estimateTierThresholds?: TierThresholds
  churn?: ChurnRiskOptions
  priority?: PriorityScoreOptions
  slaTargets?: SlaTargets
}
