// The headline KPI cards of a team report: value, previous value, change and whether it is good.

import type { PeriodReport } from '../types'
import type { DrillKpi } from './figure'

/** Which way a KPI should move: `up` higher is better, `down` lower is better, `none` neither. */
export type KpiPolarity = 'up' | 'down' | 'none'

/** How the change reads: better, worse, unchanged, neither (polarity `none`), or no comparison. */
export type KpiVerdict = 'good' | 'bad' | 'flat' | 'neutral'

/** `count`: tickets; `minutes`: calendar minutes; `ratio`: 0..1 (shown as a percentage). */
export type KpiUnit = 'count' | 'minutes' | 'ratio'

export const KPI_CARD_KEYS = [
  'created',
  'solved',
  'backlog',
  'reopenRate',
  'firstReplyMedian',
  'fullResolutionMedian',
  'requesterWaitMedian',
  'oneTouchRate',
  'csat',
  'slaAchievement',
] as const
export type KpiCardKey = (typeof KPI_CARD_KEYS)[number]

/** A figure shown beside the card's main one (the CSAT response rate). */
export interface KpiSecondary {
  key: string
  path: string
  unit: KpiUnit
  value: number | null
  previous: number | null
}

export interface KpiCard {
  key: KpiCardKey
  /** Where the value is in `npm run kpi -- --json` (and in the report object). */
  path: string
  unit: KpiUnit
  /** null when the period has nothing to measure (no solved tickets, no replies …). */
  value: number | null
  /** The same figure for the previous period of equal length; null without one. */
  previous: number | null
  /** value − previous, in the card's unit (ratios: fraction points); null if either is null. */
  delta: number | null
  polarity: KpiPolarity
  verdict: KpiVerdict | null
  /** The report KPI whose tickets are behind the card (drill-down). */
  drill: DrillKpi
  secondary: KpiSecondary | null
}

interface CardSpec {
  key: KpiCardKey
  path: string
  unit: KpiUnit
  polarity: KpiPolarity
  drill: DrillKpi
  read: (r: PeriodReport) => number | null
  secondary?: { key: string; path: string; unit: KpiUnit; read: (r: PeriodReport) => number | null }
}

const SPECS: readonly CardSpec[] = [
  {
    key: 'created',
    path: 'tickets.created',
    unit: 'count',
    polarity: 'none',
    drill: 'created',
    read: (r) => r.tickets.created,
  },
  {
    key: 'solved',
    path: 'tickets.solved',
    unit: 'count',
    polarity: 'up',
    drill: 'solved',
    read: (r) => r.tickets.solved,
  },
  {
    key: 'backlog',
    path: 'tickets.unsolvedAtEnd',
    unit: 'count',
    polarity: 'down',
    drill: 'unsolvedAtEnd',
    read: (r) => r.tickets.unsolvedAtEnd,
  },
  {
    key: 'reopenRate',
    path: 'reopened.rate',
    unit: 'ratio',
    polarity: 'down',
    drill: 'reopened',
    read: (r) => r.reopened.rate,
  },
  {
    key: 'firstReplyMedian',
    path: 'firstReplyMinutes.median',
    unit: 'minutes',
    polarity: 'down',
    drill: 'firstReplyMinutes',
    read: (r) => r.firstReplyMinutes.median,
  },
  {
    key: 'fullResolutionMedian',
    path: 'fullResolutionMinutes.median',
    unit: 'minutes',
    polarity: 'down',
    drill: 'fullResolutionMinutes',
    read: (r) => r.fullResolutionMinutes.median,
  },
  {
    key: 'requesterWaitMedian',
    path: 'requesterWaitMinutes.median',
    unit: 'minutes',
    polarity: 'down',
    drill: 'requesterWaitMinutes',
    read: (r) => r.requesterWaitMinutes.median,
  },
  {
    key: 'oneTouchRate',
    path: 'oneTouch.rate',
    unit: 'ratio',
    polarity: 'up',
    drill: 'oneTouch',
    read: (r) => r.oneTouch.rate,
  },
  {
    key: 'csat',
    path: 'csat.score',
    unit: 'ratio',
    polarity: 'up',
    drill: 'csat',
    read: (r) => r.csat.score,
    secondary: {
      key: 'responseRate',
      path: 'csat.responseRate',
      unit: 'ratio',
      read: (r) => r.csat.responseRate,
    },
  },
  {
    key: 'slaAchievement',
    path: 'sla.overall.rate',
    unit: 'ratio',
    polarity: 'up',
    drill: 'sla',
    read: (r) => r.sla.overall.rate,
  },
]

function verdictOf(delta: number | null, polarity: KpiPolarity): KpiVerdict | null {
  if (delta === null) return null
  if (delta === 0) return 'flat'
  if (polarity === 'none') return 'neutral'
  return delta > 0 === (polarity === 'up') ? 'good' : 'bad'
}

/**
 * The ten headline cards of a report, in display order: created, solved, backlog (unsolved at the
 * end), reopen rate, first reply / full resolution / requester wait medians, one-touch rate, CSAT
 * (with the response rate) and SLA achievement. Each has its value, the previous period's value,
 * the change and whether the change is good for the team. A report without `previous` (a tier
 * segment) gives cards without comparison.
 *
 * @example
 * const [created, solved] = kpiCards(engine.report({ from: '2026-10-01', to: '2026-10-29' }))
 * solved //=> { key: 'solved', path: 'tickets.solved', unit: 'count', value: 812, previous: 790, delta: 22, polarity: 'up', verdict: 'good', drill: 'solved', secondary: null }
 */
export function kpiCards(report: PeriodReport & { previous?: PeriodReport }): KpiCard[] {
  const prev = report.previous ?? null
  return SPECS.map((spec) => {
    const value = spec.read(report)
    const previous = prev === null ? null : spec.read(prev)
    const delta = value === null || previous === null ? null : value - previous
    const s = spec.secondary
    return {
      key: spec.key,
      path: spec.path,
      unit: spec.unit,
      value,
      previous,
      delta,
      polarity: spec.polarity,
      verdict: verdictOf(delta, spec.polarity),
      drill: spec.drill,
      secondary:
        s === undefined
          ? null
          : {
              key: s.key,
              path: s.path,
              unit: s.unit,
              value: s.read(report),
              previous: prev === null ? null : s.read(prev),
            },
    }
  })
}
