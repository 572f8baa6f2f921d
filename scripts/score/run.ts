// The value model for one ticket of a loaded dataset, as the command prints it.

import { groupByRequester } from '@/core/customer'
import { accountBaselineOf, scoreRequesterTicket } from '@/core'
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
  return accountBaselineOf({
    profiles: data.profiles.values(),
    tickets: data.tickets,
    now: at,
    settings,
  })
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
  const requester = item.ticket.requesterId
  const history =
    requester === null ? [item] : (groupByRequester(data.tickets).get(requester) ?? [item])
  const profile = requester === null ? null : (data.profiles.get(requester) ?? null)
  const s = scoreRequesterTicket({
    ticket: item,
    history,
    profile,
    baseline: baselineOf(at),
    now: at,
    settings,
    slaEvents,
  })
  return {
    ticket: {
      id: item.ticket.id,
      status: item.ticket.status,
      priority: item.priority,
      channel: item.ticket.channel,
      requesterId: requester,
      slaSource: s.slaSource,
    },
    now: new Date(at).toISOString(),
    customer: {
      id: s.customerId,
      value: s.value.amount,
      currency: s.value.currency,
      valueSource: s.value.source,
      valueField: s.value.field,
      valueIsEstimate: s.value.isEstimate,
      tier: s.tier.tier,
      tierSource: s.tier.source,
      tierTag: s.tier.tag,
      nextTier: s.tier.nextTier,
      churnRisk: s.churn.score,
      churnLevel: s.churn.level,
      churnSignals: s.churn.signals,
      retentionValue: s.retentionValue.amount,
      flags: s.flags,
    },
    priority: {
      score: s.score,
      level: s.level,
      factors: s.factors.map((f) => ({
        key: f.key,
        contribution: f.contribution,
        weight: f.weight,
        missing: f.missing,
        reason: reasonText({ key: f.reasonKey, params: f.params }),
        reasonKey: f.reasonKey,
        params: f.params,
      })),
    },
  }
}
