// VIP tier of a customer: tag override, else configured thresholds or the account's percentiles.

import type { NextTier, TierSource, TierThresholds, VipTier, VipTierResult } from './types'
import { VIP_TIERS } from './types'

/**
 * Default money thresholds (lifetime value in the account currency): Silver 1,000, Gold 2,500,
 * Platinum 10,000. Tiers by amount spent are the common entry criterion (docs/kpi-definitions.md B.4,
 * [R5]); the numbers are ours, to be configured per account.
 */
export const DEFAULT_TIER_THRESHOLDS: TierThresholds = { silver: 1000, gold: 2500, platinum: 10000 }

/** Thresholds in engagement points (0–100) for estimated values. */
export const DEFAULT_ESTIMATE_THRESHOLDS: TierThresholds = { silver: 45, gold: 60, platinum: 75 }

/** Tier tags, strongest first (Zendesk has no native VIP: tags model it, B.4 [Z9], [Z10]). */
export const TIER_TAGS: readonly (readonly [string, Exclude<VipTier, 'standard'>])[] = [
  ['vip_platinum', 'platinum'],
  ['vip_gold', 'gold'],
  ['vip_silver', 'silver'],
]

export interface VipTierOptions {
  /** Configured thresholds; when given they win over `percentileThresholds`. */
  thresholds?: TierThresholds | null
  /** Thresholds from the account's value distribution (`tierThresholdsFromDistribution`). */
  percentileThresholds?: TierThresholds | null
  /** Used when neither of the above is given. Default `DEFAULT_TIER_THRESHOLDS`. */
  fallbackThresholds?: TierThresholds
}

const ABOVE_STANDARD = ['silver', 'gold', 'platinum'] as const

/**
 * Tier of an amount under thresholds (highest tier whose threshold is reached).
 *
 * @example
 * tierOf(2500, DEFAULT_TIER_THRESHOLDS) //=> 'gold'
 */
export function tierOf(amount: number, thresholds: TierThresholds): VipTier {
  if (!(amount >= 0)) return 'standard'
  let tier: VipTier = 'standard'
  for (const t of ABOVE_STANDARD) if (amount >= thresholds[t]) tier = t
  return tier
}

/**
 * The VIP tier of a customer and what it takes to reach the next one.
 *
 * "Why is this customer Gold?" — one of:
 * - **tag**: the user, the organization or the ticket carries `vip_gold` and the value alone would
 *   give a lower tier (a tag raises a tier, never lowers one; the strongest tag counts);
 * - **threshold**: the value reached the configured Gold threshold (default 2,500);
 * - **percentile**: no thresholds are configured and the value is in the account's top 5 %
 *   (Platinum top 1 %, Silver top 20 %).
 *
 * `nextTier` is the first tier above the current one with the value where it starts and the gap.
 *
 * @param amount the customer value (NaN or negative counts as 0)
 * @param tags user, organization and ticket tags together
 *
 * @example
 * vipTier(3000, [], {}) //=> { tier: 'gold', source: 'threshold', nextTier: { tier: 'platinum', at: 10000, gap: 7000 }, ... }
 * vipTier(50, ['vip_platinum'], {}).tier //=> 'platinum'
 */
export function vipTier(
  amount: number,
  tags: readonly string[],
  options: VipTierOptions = {},
): VipTierResult {
  const value = Number.isFinite(amount) && amount > 0 ? amount : 0
  const { thresholds, percentile } = thresholdsOf(options)
  let tier = tierOf(value, thresholds)
  let source: TierSource = percentile ? 'percentile' : 'threshold'
  let tag: string | null = null
  const hit = tagTierOf(tags)
  if (hit !== undefined && VIP_TIERS.indexOf(hit[1]) > VIP_TIERS.indexOf(tier)) {
    tier = hit[1]
    source = 'tag'
    tag = hit[0]
  }
  return { tier, source, tag, thresholds, nextTier: nextTierOf(tier, value, thresholds) }
}

function nextTierOf(tier: VipTier, value: number, thresholds: TierThresholds): NextTier | null {
  const next = ABOVE_STANDARD.find((t) => VIP_TIERS.indexOf(t) > VIP_TIERS.indexOf(tier))
  if (next === undefined) return null
  const at = thresholds[next]
  return { tier: next, at, gap: Math.max(0, Math.round((at - value) * 100) / 100) }
}

/** The thresholds in force and whether they are the account's percentiles. */
function thresholdsOf(options: VipTierOptions): {
  thresholds: TierThresholds
  percentile: boolean
} {
  const configured = options.thresholds ?? null
  const percentile = configured === null ? (options.percentileThresholds ?? null) : null
  const thresholds =
    configured ?? percentile ?? options.fallbackThresholds ?? DEFAULT_TIER_THRESHOLDS
  return { thresholds, percentile: percentile !== null }
}

/** The highest tier tag among `tags` (case-insensitive), as its TIER_TAGS entry. */
function tagTierOf(tags: readonly string[]): (typeof TIER_TAGS)[number] | undefined {
  if (tags.length === 0) return undefined
  const lowered = new Set(tags.map((t) => t.toLowerCase()))
  return TIER_TAGS.find(([name]) => lowered.has(name))
}

/**
 * Only the tier of `vipTier` (same rules), without the thresholds and next tier: for account-wide
 * passes such as the tier split, which read nothing else.
 *
 * @example
 * vipTierName(3000, ['vip_platinum']) //=> 'platinum'
 */
export function vipTierName(
  amount: number,
  tags: readonly string[],
  options: VipTierOptions = {},
): VipTier {
  const value = Number.isFinite(amount) && amount > 0 ? amount : 0
  const tier = tierOf(value, thresholdsOf(options).thresholds)
  const hit = tagTierOf(tags)
  return hit !== undefined && VIP_TIERS.indexOf(hit[1]) > VIP_TIERS.indexOf(tier) ? hit[1] : tier
}
