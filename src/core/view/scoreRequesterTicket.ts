// The value model for one ticket of a requester, as every view shows it (sidebar, score command).

import type { AccountBaseline } from '../customer/accountBaseline'
import { assessCustomer } from '../customer/assessCustomer'
import { scoreTicket } from '../customer/scoreTicket'
import type { ValueModelSettings } from '../customer/settings'
import type { SlaClockEvent } from '../customer/slaClock'
import type {
  ChurnLevel,
  ChurnSignalKey,
  CustomerProfile,
  CustomerTicket,
  NextTier,
  PriorityFactorKey,
  PriorityLevel,
  TierSource,
  ValueFlag,
  ValueSource,
  VipTier,
} from '../customer/types'

export interface ScoreRequesterTicketOptions {
  /** The ticket to score. */
  ticket: CustomerTicket
  /** The requester's tickets; the ticket itself is added (or its stored copy replaced) if needed. */
  history: readonly CustomerTicket[]
  /** The requester with organization; null when unknown (the value is then an estimate). */
  profile: CustomerProfile | null
  baseline: AccountBaseline
  /** Epoch ms to score at. */
  now: number
  settings: ValueModelSettings
  /** The ticket's SLA clock events; without them SLA time left comes from the per-priority targets. */
  slaEvents?: readonly SlaClockEvent[]
  /** The ticket's current tags (a `vip_*` tag raises the tier); default the ticket's stored tags. */
  ticketTags?: readonly string[]
}

/** One factor of the priority score, ready to show: the reason is an i18n key with parameters. */
export interface ScoreFactorView {
  key: PriorityFactorKey
  /** Points given (0.1 steps); the contributions add up to the score. */
  contribution: number
  /** Points the factor can give at most, rounded to 0.1. */
  weight: number
  /** True when the input was missing and the neutral subscore was used. */
  missing: boolean
  reasonKey: string
  params: Record<string, string | number>
}

export interface ChurnSignalView {
  key: ChurnSignalKey
  /** 0..1, rounded to 0.001. */
  strength: number
  /** Rounded to 0.01; null without data. */
  observed: number | null
  missing: boolean
}

/** Flags about missing or unusable customer data (never errors). */
export type ScoreFlag = 'unknownRequester' | ValueFlag

export interface RequesterTicketScore {
  ticketId: number
  /** Epoch ms the score is as of. */
  now: number
  /** Where SLA time left came from: the ticket's metric events or the default targets. */
  slaSource: 'events' | 'targets'
  /** 0..100, one decimal. */
  score: number
  level: PriorityLevel
  factors: ScoreFactorView[]
  customerId: number | null
  value: {
    /** Money in `currency`, or engagement points when `isEstimate`. */
    amount: number
    currency: string | null
    source: ValueSource
    field: string | null
    isEstimate: boolean
  }
  tier: {
    tier: VipTier
    source: TierSource
    tag: string | null
    nextTier: NextTier | null
    /**
     * True when tiers should come from the account's percentiles but the baseline has none, so the
     * fallback thresholds (the threshold settings) decided.
     */
    fallback: boolean
  }
  churn: {
    /** 0..1 */
    score: number
    /** The score in whole percent. */
    percent: number
    level: ChurnLevel
    signals: ChurnSignalView[]
  }
  /** Value × churn risk: what is at stake if the customer leaves. */
  retentionValue: { amount: number; currency: string | null }
  flags: ScoreFlag[]
}

const round = (v: number, step: number): number => Math.round(v * step) / step

/** The history with `ticket` in it: its stored copy replaced in place, else appended. */
function withTicket(
  history: readonly CustomerTicket[],
  ticket: CustomerTicket,
): readonly CustomerTicket[] {
  const at = history.findIndex((h) => h.ticket.id === ticket.ticket.id)
  if (at === -1) return [...history, ticket]
  if (history[at] === ticket) return history
  const copy = [...history]
  copy[at] = ticket
  return copy
}

/**
 * Scores one ticket of a requester: customer value, VIP tier with the next tier, churn risk,
 * retention value and the priority score with its factor breakdown. The score command and the
 * ticket sidebar both call this, so they always agree. Numbers come rounded for display; reasons
 * are i18n keys (`reason.*` in translations) with their parameters.
 *
 * @example
 * const s = scoreRequesterTicket({ ticket, history, profile, baseline, now, settings: {} })
 * s.score //=> 65.1
 * s.tier //=> { tier: 'gold', source: 'threshold', tag: null, nextTier: { tier: 'platinum', at: 10000, gap: 7000 }, fallback: true }
 * s.factors[0] //=> { key: 'value', contribution: 21.2, weight: 25, missing: false, reasonKey: 'valueModel.reason.tier', params: { tier: 'gold', value: 3000, currency: 'USD' } }
 */
export function scoreRequesterTicket(options: ScoreRequesterTicketOptions): RequesterTicketScore {
  const { ticket, profile, baseline, now, settings } = options
  const slaEvents = options.slaEvents ?? []
  const history = withTicket(options.history, ticket)
  const a = assessCustomer(
    profile,
    history,
    baseline,
    now,
    settings,
    options.ticketTags ?? ticket.tags,
  )
  const score = scoreTicket(ticket, history, a, baseline, now, settings, slaEvents)
  const percentiles = a.value.isEstimate ? baseline.estimateThresholds : baseline.valueThresholds
  const configured = a.value.isEstimate ? null : (settings.tierThresholds ?? null)
  return {
    ticketId: ticket.ticket.id,
    now,
    slaSource: slaEvents.length > 0 ? 'events' : 'targets',
    score: score.score,
    level: score.level,
    factors: score.factors.map((f) => ({
      key: f.key,
      contribution: f.contribution,
      weight: round(f.weight, 10),
      missing: f.missing,
      reasonKey: f.reason.key,
      params: { ...f.reason.params },
    })),
    customerId: a.customerId,
    value: {
      amount: a.value.amount,
      currency: a.value.currency,
      source: a.value.source,
      field: a.value.field,
      isEstimate: a.value.isEstimate,
    },
    tier: {
      tier: a.tier.tier,
      source: a.tier.source,
      tag: a.tier.tag,
      nextTier: a.tier.nextTier,
      fallback: configured === null && percentiles === null,
    },
    churn: {
      score: a.churn.score,
      percent: Math.round(a.churn.score * 100),
      level: a.churn.level,
      signals: a.churn.signals.map((s) => ({
        key: s.key,
        strength: round(s.strength, 1000),
        observed: s.observed === null ? null : round(s.observed, 100),
        missing: s.missing,
      })),
    },
    retentionValue: { amount: a.retentionValue.amount, currency: a.retentionValue.currency },
    flags: profile === null ? ['unknownRequester', ...a.value.flags] : [...a.value.flags],
  }
}
