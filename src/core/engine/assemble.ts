// The shape of a period report, written once: the scan and the live accumulator hand over their
// counters and statistics, and this puts each where the report (and `npm run kpi -- --json`) has it.

import { csatKpi } from '../kpi/csat'
import { labelBuckets } from '../kpi/firstReplyBucket'
import { rateKpi } from '../kpi/rate'
import { labelResolutionBuckets } from '../kpi/resolutionBucket'
import { formatDay } from '../_lib/zonedTime'
import { CHANNELS, DURATION_METRICS, FIRST_REPLY_BUCKETS, RATE_KPIS } from '../types'
import type {
  Channel,
  DurationKpi,
  DurationKpiName,
  DurationMetric,
  FirstReplyBucket,
  PeriodReport,
  RateKpi,
  RateKpiName,
  TeamMemberKpis,
} from '../types'
import type { PeriodBounds, TallyName } from './kpis'

const N_BUCKETS = FIRST_REPLY_BUCKETS.length

/** What a period's report is made of, however it was computed. */
export interface PeriodParts {
  bounds: PeriodBounds
  created: number
  solved: number
  unsolvedAtEnd: number
  /** The counters of each counted KPI (`ALL_TALLIES`). */
  counts: Readonly<Record<TallyName, ArrayLike<number>>>
  durations: Readonly<Record<DurationMetric, DurationKpi>>
  agents: TeamMemberKpis[]
  groups: TeamMemberKpis[]
  /** `YYYY-MM-DD` of each day of the period, when the caller keeps them (live reports). */
  dayLabels?: readonly string[]
}

/** `YYYY-MM-DD` of each day of the period. */
export function dayLabelsOf(bounds: PeriodBounds): string[] {
  return Array.from({ length: Math.max(0, bounds.toDay - bounds.fromDay) }, (_, i) =>
    formatDay(bounds.fromDay + i),
  )
}

/**
 * The period report (SLA aside, which comes from the SLA store) from its parts. Channels and
 * first-reply buckets with no ticket are left out, days and weekday-hours are all listed.
 *
 * @example
 * assemble(parts).tickets.byChannel //=> { email: 12, web: 3 }
 */
export function assemble(parts: PeriodParts): Omit<PeriodReport, 'sla'> {
  const { bounds, counts, durations } = parts
  const byChannel: Partial<Record<Channel, number>> = {}
  const firstReplyBuckets: Partial<Record<Channel, Record<FirstReplyBucket, number>>> = {}
  const buckets = Array.from(counts.firstReplyBuckets)
  CHANNELS.forEach((ch, i) => {
    const n = counts.byChannel[i] ?? 0
    if (n > 0) byChannel[ch] = n
    const own = buckets.slice(i * N_BUCKETS, (i + 1) * N_BUCKETS)
    if (own.some((v) => v > 0)) firstReplyBuckets[ch] = labelBuckets(own)
  })
  const byDay: Record<string, number> = {}
  ;(parts.dayLabels ?? dayLabelsOf(bounds)).forEach((label, i) => {
    byDay[label] = counts.byDay[i] ?? 0
  })
  const heat = Array.from(counts.byWeekdayHour)
  const rates = {} as Record<RateKpiName, RateKpi>
  for (const k of RATE_KPIS) rates[k] = rateKpi(counts[k][0] ?? 0, parts.solved)
  const minutes = {} as Record<DurationKpiName, DurationKpi>
  for (const m of DURATION_METRICS) minutes[`${m}Minutes`] = durations[m]
  const csat = counts.csat
  return {
    period: {
      from: formatDay(bounds.fromDay),
      to: formatDay(bounds.toDay),
      timezone: bounds.timeZone,
    },
    tickets: {
      created: parts.created,
      solved: parts.solved,
      unsolvedAtEnd: parts.unsolvedAtEnd,
      byChannel,
      byDay,
      byWeekdayHour: Array.from({ length: 7 }, (_, w) => heat.slice(w * 24, w * 24 + 24)),
    },
    ...minutes,
    fullResolutionMinutes: {
      ...durations.fullResolution,
      buckets: labelResolutionBuckets(counts.resolutionBuckets),
    },
    ...rates,
    csat: csatKpi(csat[0] ?? 0, csat[1] ?? 0, csat[2] ?? 0),
    firstReplyBuckets,
    agents: parts.agents,
    groups: parts.groups,
  }
}
