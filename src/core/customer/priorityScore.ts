// The explainable "solve this first" score: 0–100 with a factor breakdown that adds up.

import { apportionUnits } from './_lib/apportion'
import { unit } from './_lib/parse'
import type {
  Channel,
  PriorityFactor,
  PriorityFactorKey,
  PriorityLevel,
  PriorityScore,
  Reason,
  TicketPriority,
  VipTier,
} from './types'
import { PRIORITY_FACTORS } from './types'

// TYPES

/** Everything the score reads; null means "unknown" and gives the factor's neutral subscore. */
export interface PriorityInputs {
  /** Customer value (money, or engagement points when `valueIsEstimate`). */
  value: number | null
  valueIsEstimate: boolean
  currency: string | null
  /** The value that scores 0.5 (the account's median customer value). */
  typicalValue: number | null
  tier: VipTier
  /** 0..1 */
  churnRisk: number | null
  /** Minutes the requester has been waiting (0 for a solved ticket). */
  waitingMinutes: number | null
  /** Minutes until the next SLA breach; ≤ 0 when already breached; null without an SLA target. */
  minutesToSlaBreach: number | null
  priority: TicketPriority | null
  /** Contacts of the requester in the last 7 days, this ticket included (1 = first). */
  contactsIn7Days: number | null
  channel: Channel
  /** 0..1: how much less loyal this channel's customers are (retention analytics); null unknown. */
  channelRisk: number | null
  /** Expected handling effort in minutes (the account's median resolution for such tickets). */
  expectedEffortMinutes: number | null
}

export interface PriorityScoreOptions {
  /** Points per factor; normalised to sum to 100. Default `DEFAULT_PRIORITY_WEIGHTS`. */
  weights?: Partial<Record<PriorityFactorKey, number>>
  /** Half-saturation constants of the curves. */
  curves?: Partial<typeof DEFAULT_CURVES>
}

// SETTINGS

/**
 * Default weights (points out of 100), after the weighted-sum model of docs/kpi-definitions.md B.6
 * ([R7]: impact 30, urgency 20, SLA risk 20, customer value 10, resolution time 10, revenue at
 * risk 5 …), shifted towards value and churn because this app ranks by what solving first is
 * worth (B.6 "return if solved first", ours).
 */
export const DEFAULT_PRIORITY_WEIGHTS: Readonly<Record<PriorityFactorKey, number>> = {
  value: 25,
  churnRisk: 20,
  waiting: 15,
  slaBreach: 15,
  ticketPriority: 10,
  repeatContact: 5,
  channelLoyalty: 5,
  effort: 5,
}

/** Curve constants: the input at which a saturating factor gives 0.5 (or 0.63 for waiting). */
export const DEFAULT_CURVES = {
  /** Value half-point when the account median is unknown: 500 (money) … */
  typicalValue: 500,
  /** … or 40 engagement points. */
  typicalEstimate: 40,
  /** Waiting: 1 − e^(−minutes / 1440): a day of waiting gives 0.63. */
  waitingMinutes: 1440,
  /** SLA: 60 / (60 + minutes left): breach in 1 h gives 0.5, breached gives 1. */
  slaMinutes: 60,
  /** Effort: 240 / (240 + minutes): a 4-hour ticket gives 0.5 (quick wins first, WSJF). */
  effortMinutes: 240,
} as const

/** Subscore floor of each tier: a Gold customer's value counts at least 0.7. */
export const TIER_FLOORS: Readonly<Record<VipTier, number>> = {
  standard: 0,
  silver: 0.5,
  gold: 0.7,
  platinum: 0.85,
}

export const PRIORITY_SUBSCORES: Readonly<Record<TicketPriority, number>> = {
  low: 0.1,
  normal: 0.4,
  high: 0.7,
  urgent: 1,
}

/**
 * Subscore used when a factor's input is missing: what the model assumes of a typical ticket
 * (median customer, base churn risk, normal priority, first contact, average channel and effort;
 * no wait and no SLA target known).
 */
export const NEUTRAL_SUBSCORES: Readonly<Record<PriorityFactorKey, number>> = {
  value: 0.5,
  churnRisk: 0.2,
  waiting: 0,
  slaBreach: 0,
  ticketPriority: PRIORITY_SUBSCORES.normal,
  repeatContact: 0,
  channelLoyalty: 0.5,
  effort: 0.5,
}

/** Every reason a factor can give, as `valueModel.reason.<name>` i18n keys. */
export const PRIORITY_REASONS = [
  'tier',
  'value',
  'valueEstimate',
  'valueUnknown',
  'churnRisk',
  'churnRiskUnknown',
  'waiting',
  'waitingUnknown',
  'slaBreachIn',
  'slaBreached',
  'noSlaTarget',
  'ticketPriority',
  'priorityUnknown',
  'repeatContact',
  'firstContact',
  'contactsUnknown',
  'channelLoyalty',
  'channelUnknown',
  'effort',
  'effortUnknown',
] as const
export type PriorityReason = (typeof PRIORITY_REASONS)[number]

/** Score level cut-offs: medium from 25, high from 45, critical from 65 (a typical ticket ≈ 30). */
export const PRIORITY_LEVEL_CUTOFFS = { medium: 25, high: 45, critical: 65 } as const

// SCORE

/**
 * The priority score of a ticket: the expected return of solving it first, 0–100.
 *
 * `score = Σ weight_f × subscore_f` over eight factors, each subscore in [0, 1] and the weights
 * summing to 100, so the score is bounded and every factor's contribution is visible. Subscores:
 *
 * | factor | subscore (monotone in its input) | reason key |
 * |---|---|---|
 * | value | max(v / (v + typical), tier floor) | `tier` ("Gold customer") or `value` |
 * | churnRisk | risk | `churnRisk` |
 * | waiting | 1 − e^(−min / 1440) | `waiting` |
 * | slaBreach | 1 if breached, else 60 / (60 + min left) | `slaBreachIn` / `slaBreached` |
 * | ticketPriority | low 0.1, normal 0.4, high 0.7, urgent 1 | `ticketPriority` |
 * | repeatContact | (contacts in 7 days − 1) / 3, capped | `repeatContact` ("3rd contact in 7 days") |
 * | channelLoyalty | the channel's measured risk | `channelLoyalty` |
 * | effort | 240 / (240 + expected min) | `effort` |
 *
 * A missing input uses `NEUTRAL_SUBSCORES`, sets `missing: true` and a `…Unknown` reason. The
 * contributions are rounded to 0.1 by largest remainder so that they add up to `score` exactly.
 * Never throws; NaN inputs count as missing.
 *
 * @example
 * const s = priorityScore({ ...inputs, tier: 'gold', minutesToSlaBreach: 25 })
 * s.factors.find((f) => f.key === 'slaBreach')?.reason //=> { key: 'valueModel.reason.slaBreachIn', params: { minutes: 25 } }
 * s.factors.reduce((a, f) => a + f.contribution, 0) === s.score //=> true (to 1e-9)
 */
export function priorityScore(
  inputs: PriorityInputs,
  options: PriorityScoreOptions = {},
): PriorityScore {
  const weights = normalisedWeights(options.weights)
  const curves = { ...DEFAULT_CURVES, ...options.curves }
  const raw = PRIORITY_FACTORS.map((key) => ({ key, ...subscoreOf(key, inputs, curves) }))
  const units = apportionUnits(raw.map((f) => weights[f.key] * f.subscore))
  const factors: PriorityFactor[] = raw.map((f, i) => ({
    key: f.key,
    weight: weights[f.key],
    subscore: f.subscore,
    contribution: (units[i] as number) / 10,
    missing: f.missing,
    reason: f.reason,
  }))
  const score = units.reduce((a, b) => a + b, 0) / 10
  return { score, level: priorityLevel(score), factors }
}

/**
 * Level of a score: low < 25 ≤ medium < 45 ≤ high < 65 ≤ critical.
 *
 * @example
 * priorityLevel(72.5) //=> 'critical'
 */
export function priorityLevel(score: number): PriorityLevel {
  if (score >= PRIORITY_LEVEL_CUTOFFS.critical) return 'critical'
  if (score >= PRIORITY_LEVEL_CUTOFFS.high) return 'high'
  if (score >= PRIORITY_LEVEL_CUTOFFS.medium) return 'medium'
  return 'low'
}

/**
 * Weights made non-negative and scaled to sum to 100; all-zero or invalid weights fall back to
 * the defaults.
 *
 * @example
 * normalisedWeights({ value: 50 }).value //=> 40 (50 of 125 points)
 */
export function normalisedWeights(
  weights: Partial<Record<PriorityFactorKey, number>> = {},
): Record<PriorityFactorKey, number> {
  const merged = { ...DEFAULT_PRIORITY_WEIGHTS }
  for (const key of PRIORITY_FACTORS) {
    const w = weights[key]
    if (w !== undefined) merged[key] = Number.isFinite(w) && w > 0 ? w : 0
  }
  const total = PRIORITY_FACTORS.reduce((a, k) => a + merged[k], 0)
  const base = total > 0 ? merged : { ...DEFAULT_PRIORITY_WEIGHTS }
  const sum = total > 0 ? total : 100
  const out = {} as Record<PriorityFactorKey, number>
  for (const key of PRIORITY_FACTORS) out[key] = (base[key] * 100) / sum
  return out
}

// FACTORS

interface Sub {
  subscore: number
  missing: boolean
  reason: Reason
}

const KEY = 'valueModel.reason.'

const known = (x: number | null): x is number => x !== null && Number.isFinite(x)
const round = (x: number, digits = 0): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
const neutral = (
  key: PriorityFactorKey,
  reason: PriorityReason,
  params: Reason['params'] = {},
): Sub => ({
  subscore: NEUTRAL_SUBSCORES[key],
  missing: true,
  reason: { key: KEY + reason, params },
})
const sub = (subscore: number, reason: PriorityReason, params: Reason['params']): Sub => ({
  subscore: unit(subscore),
  missing: false,
  reason: { key: KEY + reason, params },
})

/** The value factor: the value's share against the typical value, at least the tier's floor. */
function valueSubscore(x: PriorityInputs, c: typeof DEFAULT_CURVES): Sub {
  const floor = TIER_FLOORS[x.tier]
  if (!known(x.value) || x.value < 0) {
    const s = neutral('value', x.tier === 'standard' ? 'valueUnknown' : 'tier', { tier: x.tier })
    return { ...s, subscore: Math.max(s.subscore, floor) }
  }
  const fallback = x.valueIsEstimate ? c.typicalEstimate : c.typicalValue
  const typical = known(x.typicalValue) && x.typicalValue > 0 ? x.typicalValue : fallback
  const params = {
    tier: x.tier,
    value: round(x.value, 2),
    currency: x.currency ?? (x.valueIsEstimate ? 'points' : ''),
  }
  const reason = x.tier !== 'standard' ? 'tier' : x.valueIsEstimate ? 'valueEstimate' : 'value'
  return sub(Math.max(x.value / (x.value + typical), floor), reason, params)
}

/** Subscore and reason of one factor; ordinals ("3rd") are left to the view, which gets the number. */
function subscoreOf(key: PriorityFactorKey, x: PriorityInputs, c: typeof DEFAULT_CURVES): Sub {
  switch (key) {
    case 'value':
      return valueSubscore(x, c)
    case 'churnRisk':
      return known(x.churnRisk)
        ? sub(x.churnRisk, 'churnRisk', { percent: round(unit(x.churnRisk) * 100) })
        : neutral('churnRisk', 'churnRiskUnknown')
    case 'waiting':
      return known(x.waitingMinutes) && x.waitingMinutes >= 0
        ? sub(1 - Math.exp(-x.waitingMinutes / c.waitingMinutes), 'waiting', {
            minutes: round(x.waitingMinutes),
            hours: round(x.waitingMinutes / 60, 1),
          })
        : neutral('waiting', 'waitingUnknown')
    case 'slaBreach': {
      const m = x.minutesToSlaBreach
      if (!known(m)) return neutral('slaBreach', 'noSlaTarget')
      return m <= 0
        ? sub(1, 'slaBreached', { minutes: round(-m) })
        : sub(c.slaMinutes / (c.slaMinutes + m), 'slaBreachIn', { minutes: round(m) })
    }
    case 'ticketPriority':
      return x.priority === null
        ? neutral('ticketPriority', 'priorityUnknown')
        : sub(PRIORITY_SUBSCORES[x.priority], 'ticketPriority', { priority: x.priority })
    case 'repeatContact': {
      const n = x.contactsIn7Days
      if (!known(n) || n < 1) return neutral('repeatContact', 'contactsUnknown')
      return sub((Math.floor(n) - 1) / 3, n >= 2 ? 'repeatContact' : 'firstContact', {
        ordinal: Math.floor(n),
        days: 7,
      })
    }
    case 'channelLoyalty':
      return known(x.channelRisk)
        ? sub(x.channelRisk, 'channelLoyalty', {
            channel: x.channel,
            percent: round(unit(x.channelRisk) * 100),
          })
        : neutral('channelLoyalty', 'channelUnknown', { channel: x.channel })
    case 'effort': {
      const e = x.expectedEffortMinutes
      return known(e) && e >= 0
        ? sub(c.effortMinutes / (c.effortMinutes + e), 'effort', { hours: round(e / 60, 1) })
        : neutral('effort', 'effortUnknown')
    }
  }
}
