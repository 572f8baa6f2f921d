// Everything the retention dashboard shows, from one call.

import { accountBaseline, groupByRequester } from '../accountBaseline'
import type { AccountBaseline } from '../accountBaseline'
import { assessCustomer } from '../assessCustomer'
import type { CustomerAssessment } from '../assessCustomer'
import type { ValueModelSettings } from '../settings'
import type { Channel, CustomerProfile, CustomerTicket } from '../types'
import { agentRetention } from './agentRetention'
import type { GroupRetention } from './cohortRetention'
import { customerSpans } from './customerSpans'
import type { CustomerSpanOptions } from './customerSpans'
import { channelRiskFromRetention, retentionByChannel } from './retentionByChannel'
import { retentionByResolution } from './retentionByResolution'
import type { RetentionByResolution } from './retentionByResolution'
import { retentionRates } from './retentionRate'
import type { RetentionRate } from './retentionRate'
import { revenueAtRisk } from './revenueAtRisk'
import type { RevenueAtRisk } from './revenueAtRisk'
import { isActiveTicket, topCustomers } from './topCustomers'
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
  const settings = options.settings ?? {}
  const spans = customerSpans(profiles, tickets, now, options.spans)
  const byChannel = retentionByChannel(spans, now)
  const baseline = accountBaseline(
    profiles,
    tickets,
    now,
    settings,
    channelRiskFromRetention(byChannel),
  )
  const history = groupByRequester(tickets.filter((t) => t.ticket.createdAt <= now))
  const byId = new Map(profiles.map((p) => [p.id, p]))
  const backlog = new Map<number, CustomerAssessment>()
  for (const t of tickets) {
    const id = t.ticket.requesterId
    if (id === null || backlog.has(id) || !isActiveTicket(t) || t.ticket.createdAt > now) continue
    backlog.set(
      id,
      assessCustomer(byId.get(id) ?? null, history.get(id) ?? [], baseline, now, settings),
    )
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
    topCustomers: topCustomers(tickets, money),
    revenueAtRisk: revenueAtRisk(tickets, (id) => {
      const a = backlog.get(id)
      return a === undefined
        ? null
        : { value: a.value.amount, churnRisk: a.churn.score, currency: a.value.currency }
    }),
    baseline,
    backlog,
  }
}
