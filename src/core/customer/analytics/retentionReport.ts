// Everything the retention dashboard shows, from one call.

import { median } from '../_lib/parse'
import type { AccountBaseline } from '../accountBaseline'
import { assessCustomer } from '../assessCustomer'
import type { CustomerAssessment } from '../assessCustomer'
import { customerValueFromContacts } from '../customerValue'
import type { ValueModelSettings } from '../settings'
import { tierThresholdsFromDistribution } from '../tierThresholds'
import type { Channel, CustomerProfile, CustomerTicket } from '../types'
import { agentRetention } from './agentRetention'
import type { GroupRetention } from './cohortRetention'
import { spansAsOf } from './customerSpans'
import type { CustomerSpanOptions } from './customerSpans'
import { countUpTo, retentionIndex, ticketMedians } from './retentionIndex'
import type { RetentionIndex } from './retentionIndex'
import { channelRiskFromRetention, retentionByChannel } from './retentionByChannel'
import { retentionByResolution } from './retentionByResolution'
import type { RetentionByResolution } from './retentionByResolution'
import { retentionRates } from './retentionRate'
import type { RetentionRate } from './retentionRate'
import { revenueAtRisk } from './revenueAtRisk'
import type { RevenueAtRisk } from './revenueAtRisk'
import { topCustomers } from './topCustomers'
import type { TopCustomer } from './topCustomers'

export interface RetentionReport {
  now: number
  customers: number
  /** 30-day periods ending at `now`, oldest first. */
  rates: RetentionRate[]
  byChannel: GroupRetention<Channel>[]
  byResolution: RetentionByResolution
  byAgent: GroupRetention<number>[]
  /** The 10 customers with the largest active tickets × money value. */
  topCustomers: TopCustomer[]
  revenueAtRisk: RevenueAtRisk
  /** The baseline (with measured channel loyalty) the priority score uses. */
  baseline: AccountBaseline
  /** Assessments of the customers with open tickets (the backlog), by customer id. */
  backlog: Map<number, CustomerAssessment>
}

export interface RetentionReportOptions {
  settings?: ValueModelSettings
  spans?: CustomerSpanOptions
  /** Number of 30-day periods in `rates`. Default 12. */
  periods?: number
}

/**
 * The retention analytics of an account as of `now`: retention per 30-day period, by first-contact
 * channel, by resolution band (with the payoff point and knee), by agent, the top 10 customers by
 * active tickets × value and the revenue at risk in the backlog. Also returns the baseline with
 * channel loyalty measured here, so the priority score can reuse it.
 *
 * @example
 * retentionReport(profiles, tickets, now).byResolution.fasterStopsPayingOffAt //=> 8
 */
export function retentionReport(
  profiles: readonly CustomerProfile[],
  tickets: readonly CustomerTicket[],
  now: number,
  options: RetentionReportOptions = {},
): RetentionReport {
  return retentionReportOf(retentionIndex(profiles, tickets, options.spans), now, options)
}

/**
 * `retentionReport` from an index of the account (`retentionIndex`, built once per version of the
 * account with its span options): as of any `now`, the work grows with the customers and the open
 * tickets, not with every ticket.
 *
 * @example
 * const index = retentionIndex(profiles, tickets)
 * retentionReportOf(index, now).customers //=> retentionReport(profiles, tickets, now).customers
 */
export function retentionReportOf(
  index: RetentionIndex,
  now: number,
  options: Omit<RetentionReportOptions, 'spans'> = {},
): RetentionReport {
  const settings = options.settings ?? {}
  const spans = spansAsOf(index, now)
  const byChannel = retentionByChannel(spans, now)
  const baseline = baselineAsOf(index, now, settings, channelRiskFromRetention(byChannel))
  // each customer with an open ticket created by now, assessed on their history up to now
  const backlog = new Map<number, CustomerAssessment>()
  for (const t of index.active) {
    const id = t.ticket.requesterId
    if (id === null || backlog.has(id) || t.ticket.createdAt > now) continue
    const c = index.byId.get(id)
    const history = c === undefined ? [] : c.all.slice(0, countUpTo(c.allCreated, now))
    backlog.set(id, assessCustomer(c?.profile ?? null, history, baseline, now, settings))
  }
  const money = (id: number): number | null => {
    const a = backlog.get(id)
    return a === undefined || a.value.isEstimate ? null : a.value.amount
  }
  return {
    now,
    customers: spans.length,
    rates: retentionRates(spans, now, { periods: options.periods ?? 12 }),
    byChannel,
    byResolution: retentionByResolution(spans, now),
    byAgent: agentRetention(spans, now),
    topCustomers: topCustomers(index.active, money),
    revenueAtRisk: revenueAtRisk(index.active, (id) => {
      const a = backlog.get(id)
      return a === undefined
        ? null
        : { value: a.value.amount, churnRisk: a.churn.score, currency: a.value.currency }
    }),
    baseline,
    backlog,
  }
}

/**
 * `accountBaseline` as of `now` from the index: each profile's value from its contact count and
 * dates, the ticket medians from the solve-ordered columns.
 */
function baselineAsOf(
  index: RetentionIndex,
  now: number,
  settings: ValueModelSettings,
  channelRisk: Partial<Record<Channel, number>>,
): AccountBaseline {
  const money: number[] = []
  const points: number[] = []
  for (const p of index.profiles) {
    const times = index.byId.get(p.id)?.allCreated
    const count = times === undefined ? 0 : countUpTo(times, now)
    const contacts =
      times === undefined || count === 0
        ? { count: 0, first: Infinity, last: -Infinity }
        : { count, first: times[0] as number, last: times[count - 1] as number }
    const v = customerValueFromContacts(p, contacts, now, settings.value)
    ;(v.isEstimate ? points : money).push(v.amount)
  }
  const medians = ticketMedians(index, now)
  return {
    valueThresholds: tierThresholdsFromDistribution(money),
    estimateThresholds: tierThresholdsFromDistribution(points),
    typicalValue: median(money),
    typicalEstimate: median(points),
    medianWaitMinutes: medians.medianWaitMinutes,
    effortMinutes: medians.effortMinutes,
    channelRisk,
  }
}
