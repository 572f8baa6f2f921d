// Account-wide reference numbers the per-customer model compares against.

import { median } from './_lib/parse'
import { customerValue } from './customerValue'
import type { ValueModelSettings } from './settings'
import { tierThresholdsFromDistribution } from './tierThresholds'
import type { Channel, CustomerProfile, CustomerTicket, TierThresholds } from './types'

export interface AccountBaseline {
  /** Top 1 / 5 / 20 % thresholds of money values (null with too few customers). */
  valueThresholds: TierThresholds | null
  /** The same over engagement estimates (customers without a value field). */
  estimateThresholds: TierThresholds | null
  /** Median money value, the value that scores 0.5 in the priority score. */
  typicalValue: number | null
  typicalEstimate: number | null
  /** Median requester wait (calendar minutes) of solved tickets. */
  medianWaitMinutes: number | null
  /** Median full resolution (calendar minutes) of solved tickets, per channel and overall. */
  effortMinutes: { byChannel: Partial<Record<Channel, number>>; overall: number | null }
  /** 0..1 per channel from retention analytics (`channelRiskFromRetention`); empty if unknown. */
  channelRisk: Partial<Record<Channel, number>>
}

/**
 * Groups tickets by requester id (tickets without a requester are left out).
 *
 * @example
 * groupByRequester([t1, t2]).get(1000)?.length //=> 2
 */
export function groupByRequester(
  tickets: readonly CustomerTicket[],
): Map<number, CustomerTicket[]> {
  const out = new Map<number, CustomerTicket[]>()
  for (const t of tickets) {
    const id = t.ticket.requesterId
    if (id === null) continue
    const list = out.get(id)
    if (list) list.push(t)
    else out.set(id, [t])
  }
  return out
}

/**
 * The account baseline as of `now` from every customer and ticket: value distributions (for
 * percentile tiers and the "typical value"), the median requester wait (for the churn signal
 * "long waits") and the median resolution per channel (the expected effort). Tickets created
 * after `now` are ignored. Empty input gives nulls, never an error.
 *
 * @example
 * accountBaseline([], [], now).medianWaitMinutes //=> null
 */
export function accountBaseline(
  customers: readonly CustomerProfile[],
  tickets: readonly CustomerTicket[],
  now: number,
  settings: ValueModelSettings = {},
  channelRisk: Partial<Record<Channel, number>> = {},
): AccountBaseline {
  const past = tickets.filter((t) => t.ticket.createdAt <= now)
  const byRequester = groupByRequester(past)
  const money: number[] = []
  const points: number[] = []
  for (const c of customers) {
    const v = customerValue(c, byRequester.get(c.id) ?? [], now, settings.value)
    ;(v.isEstimate ? points : money).push(v.amount)
  }
  const waits: number[] = []
  const all: number[] = []
  const perChannel = new Map<Channel, number[]>()
  for (const { ticket } of past) {
    if (ticket.solvedAt === null || ticket.solvedAt > now) continue
    const wait = ticket.minutes.requesterWait.calendar
    if (wait !== null) waits.push(wait)
    const res = ticket.minutes.fullResolution.calendar
    if (res === null) continue
    all.push(res)
    const list = perChannel.get(ticket.channel)
    if (list) list.push(res)
    else perChannel.set(ticket.channel, [res])
  }
  const byChannel: Partial<Record<Channel, number>> = {}
  for (const [ch, list] of perChannel) {
    const m = median(list)
    if (m !== null && list.length >= 5) byChannel[ch] = m
  }
  return {
    valueThresholds: tierThresholdsFromDistribution(money),
    estimateThresholds: tierThresholdsFromDistribution(points),
    typicalValue: median(money),
    typicalEstimate: median(points),
    medianWaitMinutes: median(waits),
    effortMinutes: { byChannel, overall: median(all) },
    channelRisk,
  }
}
