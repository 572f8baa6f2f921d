// The value model for one ticket of a loaded dataset, as the command prints it.

import {
  accountBaseline,
  assessCustomer,
  channelRiskFromRetention,
  customerSpans,
  groupByRequester,
  retentionByChannel,
  scoreTicket,
} from '@/core/customer'
import type {
  AccountBaseline,
  NextTier,
  PriorityFactorKey,
  PriorityLevel,
  ValueModelSettings,
  ValueSource,
  VipTier,
} from '@/core/customer'
import type { CustomerDataset, SlaClockEvent } from '@/zendesk/customers'
import { reasonText } from './reasons'

export interface ScoreOutput {
  ticket: {
    id: number
    status: string
    priority: string | null
    channel: string
    requesterId: number | null
    /** Where SLA time left came from: the ticket's metric events or the default targets. */
    slaSource: 'events' | 'targets'
  }
  now: string
  customer: {
    id: number | null
    value: number
    currency: string | null
    valueSource: ValueSource
    valueField: string | null
    valueIsEstimate: boolean
    tier: VipTier
    tierSource: string
    tierTag: string | null
    nextTier: NextTier | null
    churnRisk: number
    churnLevel: string
    churnSignals: { key: string; strength: number; observed: number | null; missing: boolean }[]
    retentionValue: number
    flags: string[]
  }
  priority: {
    score: number
    level: PriorityLevel
    factors: {
      key: PriorityFactorKey
      contribution: number
      weight: number
      missing: boolean
      reason: string
      reasonKey: string
      params: Record<string, string | number>
    }[]
  }
}

/** A ticket the dataset does not hold. */
export class TicketNotFoundError extends Error {
  override readonly name = 'TicketNotFoundError'
}

/**
 * The account baseline of a dataset as of `at`, with channel loyalty measured by the retention
 * analytics (retention by first-contact channel → `channelRiskFromRetention`).
 */
export function datasetBaseline(
  data: CustomerDataset,
  at: number,
  settings: ValueModelSettings = {},
): AccountBaseline {
  const profiles = [...data.profiles.values()]
  const spans = customerSpans(profiles, data.tickets, at)
  const channelRisk = channelRiskFromRetention(retentionByChannel(spans, at))
  return accountBaseline(profiles, data.tickets, at, settings, channelRisk)
}

/**
 * Scores ticket `ticketId` of `data` as of `now` (default the ticket's updated_at). The account
 * baseline is computed from the whole dataset as of the same instant.
 */
export function scoreDatasetTicket(
  data: CustomerDataset,
  ticketId: number,
  now: number | null,
  settings: ValueModelSettings = {},
  baselineOf: (at: number) => AccountBaseline = (at) => datasetBaseline(data, at, settings),
  slaEvents: readonly SlaClockEvent[] = [],
): ScoreOutput {
  const item = data.tickets.find((t) => t.ticket.id === ticketId)
  if (item === undefined) throw new TicketNotFoundError(`ticket ${ticketId} is not in the dataset`)
  const at = now ?? item.ticket.updatedAt
  const baseline = baselineOf(at)
  const requester = item.ticket.requesterId
  const history =
    requester === null ? [item] : (groupByRequester(data.tickets).get(requester) ?? [item])
  const profile = requester === null ? null : (data.profiles.get(requester) ?? null)
  const a = assessCustomer(profile, history, baseline, at, settings, item.tags)
  const score = scoreTicket(item, history, a, baseline, at, settings, slaEvents)
  return {
    ticket: {
      id: item.ticket.id,
      status: item.ticket.status,
      priority: item.priority,
      channel: item.ticket.channel,
      requesterId: requester,
      slaSource: slaEvents.length > 0 ? 'events' : 'targets',
    },
    now: new Date(at).toISOString(),
    customer: {
      id: a.customerId,
      value: a.value.amount,
      currency: a.value.currency,
      valueSource: a.value.source,
      valueField: a.value.field,
      valueIsEstimate: a.value.isEstimate,
      tier: a.tier.tier,
      tierSource: a.tier.source,
      tierTag: a.tier.tag,
      nextTier: a.tier.nextTier,
      churnRisk: a.churn.score,
      churnLevel: a.churn.level,
      churnSignals: a.churn.signals.map((s) => ({
        key: s.key,
        strength: Math.round(s.strength * 1000) / 1000,
        observed: s.observed === null ? null : Math.round(s.observed * 100) / 100,
        missing: s.missing,
      })),
      retentionValue: a.retentionValue.amount,
      flags: profile === null ? ['unknownRequester', ...a.value.flags] : a.value.flags,
    },
    priority: {
      score: score.score,
      level: score.level,
      factors: score.factors.map((f) => ({
        key: f.key,
        contribution: f.contribution,
        weight: Math.round(f.weight * 10) / 10,
        missing: f.missing,
        reason: reasonText(f.reason),
        reasonKey: f.reason.key,
        params: { ...f.reason.params },
      })),
    },
  }
}
