// Churn risk of a customer (0..1 and low/medium/high) from their support history.

import { cadenceRatio, hasChurnMark, repeatContacts, waitRatio } from './_lib/historySignals'
import { DAY_MS, unit } from './_lib/parse'
import type {
  ChurnLevel,
  ChurnRisk,
  ChurnSignal,
  ChurnSignalKey,
  CustomerProfile,
  CustomerTicket,
} from './types'

export interface ChurnRiskOptions {
  /** History window in days before `now`. Default 90. */
  windowDays?: number
  /** A contact within this many days of the previous one is a repeat contact. Default 7. */
  repeatDays?: number
  /** Risk with no signal at all. Default 0.05. */
  baseRisk?: number
  /** Weight of each signal, 0..1. Default `DEFAULT_CHURN_WEIGHTS`. */
  weights?: Partial<Record<ChurnSignalKey, number>>
  /** Tags meaning "this customer is leaving" (user, organization or recent ticket). */
  churnTags?: readonly string[]
  /** User or organization fields whose truthy value means the same. */
  churnFields?: readonly string[]
  /** Level cut-offs: medium from `medium`, high from `high`. Default 0.3 / 0.6. */
  levels?: { medium: number; high: number }
}

/**
 * Signal weights (ours), loosely after the support-data health scores of docs/kpi-definitions.md B.5
 * ([R6] B: CSAT 30 %, churn-signal tickets 30 %, ticket trend 20 %; re-contact rate; SLA). An
 * explicit churn tag dominates; a stopped contact cadence is the strongest behavioural sign.
 */
export const DEFAULT_CHURN_WEIGHTS: Readonly<Record<ChurnSignalKey, number>> = {
  explicit: 0.9,
  badRatings: 0.4,
  repeatContacts: 0.25,
  reopens: 0.2,
  longWaits: 0.25,
  stoppedCadence: 0.35,
}

export const DEFAULT_CHURN_TAGS: readonly string[] = [
  'churn_risk',
  'at_risk',
  'cancellation',
  'cancel_request',
  'churned',
  'downgrade',
]
export const DEFAULT_CHURN_FIELDS: readonly string[] = ['churn_risk', 'at_risk', 'cancellation']

export interface ChurnContext {
  /** The account's median requester wait (calendar minutes) of solved tickets; null if unknown. */
  accountMedianWaitMinutes: number | null
}

/**
 * The churn risk of a customer as of `now`.
 *
 * Each signal has a strength s ∈ [0, 1] and a weight w; they combine as a noisy-OR on top of the
 * base risk b: `risk = 1 − (1 − b) · Π(1 − w·s)`. So every signal can only raise the risk, the
 * result stays in [0, 1], and one strong signal counts more than several weak ones. Signals over
 * the last `windowDays` (90):
 *
 * | signal | strength |
 * |---|---|
 * | explicit | 1 when a churn tag (`churn_risk`, `cancellation` …) or a truthy churn field is set |
 * | badRatings | bad CSAT ratings: 1 → 0.5, 2+ → 1 |
 * | repeatContacts | contacts within 7 days of the previous one: n / 3, capped |
 * | reopens | reopened tickets: n / 2, capped |
 * | longWaits | median requester wait ÷ account median = r: (r − 1) / 2, capped (3× → 1) |
 * | stoppedCadence | silence since last contact ÷ usual gap = q (≥ 3 contacts): (q − 2) / 2, capped |
 *
 * Missing data (no ratings, no solved tickets, fewer than 3 contacts, no account median) gives
 * strength 0 — neutral — and `missing: true`. Never throws.
 * Levels: low < 0.3 ≤ medium < 0.6 ≤ high.
 *
 * @example
 * // two bad ratings and a reopen in the last 90 days
 * churnRisk(profile, history, { accountMedianWaitMinutes: 600 }, now).score //=> 0.487
 */
export function churnRisk(
  profile: CustomerProfile | null,
  history: readonly CustomerTicket[],
  context: ChurnContext,
  now: number,
  options: ChurnRiskOptions = {},
): ChurnRisk {
  const windowStart = now - (options.windowDays ?? 90) * DAY_MS
  const weights = { ...DEFAULT_CHURN_WEIGHTS, ...options.weights }
  const past = history
    .filter((t) => t.ticket.createdAt <= now)
    .sort((a, b) => a.ticket.createdAt - b.ticket.createdAt)
  const recent = past.filter((t) => t.ticket.createdAt >= windowStart)

  const signal = (key: ChurnSignalKey, observed: number | null, strength: number): ChurnSignal => {
    const w = weights[key]
    return {
      key,
      observed,
      strength: observed === null ? 0 : unit(strength),
      weight: Number.isFinite(w) ? unit(w) : 0,
      missing: observed === null,
    }
  }
  const tags = new Set((options.churnTags ?? DEFAULT_CHURN_TAGS).map((t) => t.toLowerCase()))
  const fields = options.churnFields ?? DEFAULT_CHURN_FIELDS
  const explicit = hasChurnMark(profile, recent, tags, fields) ? 1 : 0
  const rated = recent.filter((t) => t.ticket.csat === 'good' || t.ticket.csat === 'bad')
  const bad = rated.filter((t) => t.ticket.csat === 'bad').length
  const repeats = repeatContacts(past, windowStart, (options.repeatDays ?? 7) * DAY_MS)
  const withMetrics = recent.filter((t) => t.ticket.reopens !== null)
  const reopened = withMetrics.filter((t) => (t.ticket.reopens ?? 0) > 0).length
  const waits = waitRatio(recent, context.accountMedianWaitMinutes)
  const cadence = cadenceRatio(past, now)

  const signals = [
    signal('explicit', explicit, explicit),
    signal('badRatings', rated.length > 0 ? bad : null, bad / 2),
    signal('repeatContacts', past.length > 0 ? repeats : null, repeats / 3),
    signal('reopens', withMetrics.length > 0 ? reopened : null, reopened / 2),
    signal('longWaits', waits, ((waits ?? 1) - 1) / 2),
    signal('stoppedCadence', cadence, ((cadence ?? 2) - 2) / 2),
  ]
  const base = unit(options.baseRisk ?? 0.05)
  let keep = 1 - base
  for (const s of signals) keep *= 1 - s.weight * s.strength
  const score = Math.round(unit(1 - keep) * 1000) / 1000
  return { score, level: churnLevel(score, options.levels), signals }
}

/**
 * Level of a churn score: low below 0.3, medium below 0.6, high from 0.6.
 *
 * @example
 * churnLevel(0.45) //=> 'medium'
 */
export function churnLevel(score: number, levels = { medium: 0.3, high: 0.6 }): ChurnLevel {
  if (score >= levels.high) return 'high'
  if (score >= levels.medium) return 'medium'
  return 'low'
}
