// Requester → VIP tier for the tier split of a team report, so every screen and the kpi command
// split by the same tiers.

import type { AccountBaseline } from '../customer/accountBaseline'
import { groupByRequester } from '../customer/accountBaseline'
import { customerTier } from '../customer/customerTier'
import { customerValue } from '../customer/customerValue'
import type { ValueModelSettings } from '../customer/settings'
import { tierThresholdsFromDistribution } from '../customer/tierThresholds'
import type { CustomerProfile, CustomerTicket, CustomerValue, VipTier } from '../customer/types'
import type { ReportRange } from '../types'
import { rangeEnd } from './rangeEnd'

export interface TierSegmentsOptions {
  profiles: Iterable<CustomerProfile>
  tickets: readonly CustomerTicket[]
  /** Tiers are as of the end of this range. */
  range: ReportRange
  /** The value model's settings (`valueModelSettings` of the installation settings). Default `{}`. */
  settings?: ValueModelSettings
  /** The account baseline; default the percentiles of `profiles` as of the range's end. */
  baseline?: Pick<AccountBaseline, 'valueThresholds' | 'estimateThresholds'>
  /** Epoch ms; a range ending later is judged as of now. Default: no cap. */
  now?: number
}

/** Segment options for `KpiEngine.report`: tickets of requesters not in `map` are `standard`. */
export interface TierSegments {
  by: 'requester'
  map: Map<number, VipTier>
  fallback: 'standard'
  /** Epoch ms the tiers are as of. */
  asOf: number
}

/**
 * The VIP tier (platinum, gold, silver, standard) of every requester as of the end of `range`,
 * by the same rules as the sidebar's score (`customerTier`: tags on the user or organization,
 * configured thresholds, the account's percentiles, the fallback thresholds), over the tickets
 * created up to then. Pass the result as the report's segments:
 * `engine.report(range, { segments: tierSegments(...) })` gives `segments.platinum` etc.
 *
 * @example
 * const tiers = tierSegments({ profiles, tickets, range: { from: '2026-10-01', to: '2026-11-01' } })
 * tiers.map.get(11000437) //=> 'gold'
 */
export function tierSegments(options: TierSegmentsOptions): TierSegments {
  const settings = options.settings ?? {}
  const asOf = rangeEnd(options.range, options.now)
  const past = options.tickets.filter((t) => t.ticket.createdAt < asOf)
  const byRequester = groupByRequester(past)
  // each customer's value once: for the account's percentiles and for the customer's own tier
  const values = new Map<number, CustomerValue>()
  const tags = new Map<number, string[]>()
  const money: number[] = []
  const points: number[] = []
  for (const p of options.profiles) {
    const value = customerValue(p, byRequester.get(p.id) ?? [], asOf, settings.value)
    values.set(p.id, value)
    tags.set(p.id, [...p.tags, ...(p.organization?.tags ?? [])])
    ;(value.isEstimate ? points : money).push(value.amount)
  }
  // the same percentiles as accountBaselineOf, without its spans and medians
  const baseline = options.baseline ?? {
    valueThresholds: tierThresholdsFromDistribution(money),
    estimateThresholds: tierThresholdsFromDistribution(points),
  }
  const map = new Map<number, VipTier>()
  for (const [id, history] of byRequester) {
    const value = values.get(id) ?? customerValue(null, history, asOf, settings.value)
    map.set(id, customerTier(value, tags.get(id) ?? [], baseline, settings).tier)
  }
  return { by: 'requester', map, fallback: 'standard', asOf }
}
