// Requester → VIP tier for the tier split of a team report, so every screen and the kpi command
// split by the same tiers.

import type { AccountBaseline } from '../customer/accountBaseline'
import { groupByRequester } from '../customer/accountBaseline'
import { customerTier, customerTierName } from '../customer/customerTier'
import { customerValue, customerValueFromContacts } from '../customer/customerValue'
import { contactsAsOf } from '../customer/requesterContacts'
import type { RequesterContacts } from '../customer/requesterContacts'
import type { ValueModelSettings } from '../customer/settings'
import { tierThresholdsFromDistribution } from '../customer/tierThresholds'
import type { CustomerProfile, CustomerTicket, CustomerValue, VipTier } from '../customer/types'
import type { ReportRange } from '../types'
import { rangeEnd } from './rangeEnd'

export interface TierSegmentsOptions {
  profiles: Iterable<CustomerProfile>
  /** Every ticket; or, instead, `contacts`. */
  tickets?: readonly CustomerTicket[]
  /**
   * Each requester's contact times (`requesterContacts` of every ticket), kept by the caller per
   * account version: the same tiers as from `tickets` without walking them on every call.
   */
  contacts?: RequesterContacts
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
  if (options.contacts !== undefined) return fromContacts(options, options.contacts, asOf)
  if (options.tickets === undefined)
    throw new TypeError('tierSegments: pass the tickets or the requester contacts')
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

/** The tiers from per-requester contact times: a binary search per customer, no ticket walk. */
function fromContacts(
  options: TierSegmentsOptions,
  contacts: RequesterContacts,
  asOf: number,
): TierSegments {
  const settings = options.settings ?? {}
  // each customer's value once, kept by id with the profile (its tags are read only if tiered)
  const known = new Map<number, { profile: CustomerProfile; value: CustomerValue }>()
  const money: number[] = []
  const points: number[] = []
  for (const profile of options.profiles) {
    const summary = contactsAsOf(contacts.get(profile.id), asOf)
    const value = customerValueFromContacts(profile, summary, asOf, settings.value)
    known.set(profile.id, { profile, value })
    ;(value.isEstimate ? points : money).push(value.amount)
  }
  const baseline = options.baseline ?? {
    valueThresholds: tierThresholdsFromDistribution(money),
    estimateThresholds: tierThresholdsFromDistribution(points),
  }
  const map = new Map<number, VipTier>()
  for (const [id, times] of contacts) {
    // requesters with no ticket before the range's end are not split (standard by fallback)
    if (!((times[0] as number) < asOf)) continue
    const k = known.get(id)
    const value =
      k?.value ?? customerValueFromContacts(null, contactsAsOf(times, asOf), asOf, settings.value)
    const org = k?.profile.organization?.tags ?? []
    const tags =
      k === undefined ? [] : org.length === 0 ? k.profile.tags : [...k.profile.tags, ...org]
    map.set(id, customerTierName(value, tags, baseline, settings))
  }
  return { by: 'requester', map, fallback: 'standard', asOf }
}
