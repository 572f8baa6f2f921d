// The readable (non-JSON) report.

import { kpiCards } from '@/core'
import type { DurationKpi, KpiCard, KpiCardKey, KpiReport, PeriodReport, RateKpi } from '@/core'

const num = (v: number | null, digits = 1): string => (v === null ? '—' : v.toFixed(digits))
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)} %`)

function delta(cur: number | null, prev: number | null, unit: 'count' | 'minutes' | 'pt'): string {
  return change(cur === null || prev === null ? null : cur - prev, unit)
}

function change(d: number | null, unit: 'count' | 'minutes' | 'pt'): string {
  if (d === null) return ''
  const text = unit === 'pt' ? `${(d * 100).toFixed(1)} pt` : d.toFixed(unit === 'count' ? 0 : 1)
  return ` (${d >= 0 ? '+' : ''}${text} vs previous)`
}

function duration(label: string, k: DurationKpi, medianChange: string): string {
  return (
    `  ${label.padEnd(22)} n=${String(k.count).padEnd(7)} median ${num(k.median).padStart(9)}` +
    `  p90 ${num(k.p90).padStart(9)}  mean ${num(k.mean).padStart(9)}  business median ` +
    `${num(k.business.median)}  pending ${k.pending}${medianChange}`
  )
}

function rate(label: string, k: RateKpi, rateChange: string): string {
  return `  ${label.padEnd(22)} ${String(k.count).padEnd(7)} ${pct(k.rate)}${rateChange}`
}

type Cards = Record<KpiCardKey, KpiCard>

function durations(r: PeriodReport, p: PeriodReport, c: Cards): string[] {
  const median = (k: DurationKpi, prev: DurationKpi): string =>
    delta(k.median, prev.median, 'minutes')
  return [
    duration('first reply', r.firstReplyMinutes, change(c.firstReplyMedian.delta, 'minutes')),
    duration(
      'first resolution',
      r.firstResolutionMinutes,
      median(r.firstResolutionMinutes, p.firstResolutionMinutes),
    ),
    duration(
      'full resolution',
      r.fullResolutionMinutes,
      change(c.fullResolutionMedian.delta, 'minutes'),
    ),
    duration(
      'requester wait',
      r.requesterWaitMinutes,
      change(c.requesterWaitMedian.delta, 'minutes'),
    ),
    duration('agent wait', r.agentWaitMinutes, median(r.agentWaitMinutes, p.agentWaitMinutes)),
    duration('on hold', r.onHoldMinutes, median(r.onHoldMinutes, p.onHoldMinutes)),
  ]
}

/** A plain-text summary of a report for the terminal. */
export function formatReport(r: KpiReport): string {
  const p = r.previous
  const c = Object.fromEntries(kpiCards(r).map((card) => [card.key, card])) as Cards
  const channels = Object.entries(r.tickets.byChannel)
    .sort(([, a], [, b]) => b - a)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')
  const sla = Object.entries(r.sla.byMetric)
    .map(([m, s]) => `${m} ${pct(s.rate)} (${s.achieved}/${s.achieved + s.breached})`)
    .join(', ')
  const agents = r.agents
    .slice(0, 10)
    .map(
      (a) =>
        `  ${String(a.id ?? 'unassigned').padEnd(14)} solved ${String(a.solved).padEnd(6)} ` +
        `FRT median ${num(a.firstReplyMinutesMedian)}  full resolution median ` +
        `${num(a.fullResolutionMinutesMedian)}  one-touch ${pct(a.oneTouchRate)}  CSAT ${pct(a.csatScore)}`,
    )
  const q = r.dataQuality
  const reasons = Object.entries(q.reasons)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  return [
    `KPIs ${r.period.from} → ${r.period.to} (exclusive), ${r.period.timezone}; previous period ` +
      `${p.period.from} → ${p.period.to}`,
    '',
    'Tickets',
    `  created ${c.created.value}${change(c.created.delta, 'count')}`,
    `  solved ${c.solved.value}${change(c.solved.delta, 'count')}`,
    `  unsolved at end ${c.backlog.value}`,
    `  by channel: ${channels || '—'}`,
    '',
    'Durations (calendar minutes)',
    ...durations(r, p, c),
    '',
    'Rates over solved tickets',
    rate('one-touch', r.oneTouch, change(c.oneTouchRate.delta, 'pt')),
    rate('reopened', r.reopened, change(c.reopenRate.delta, 'pt')),
    rate('reassigned', r.reassigned, delta(r.reassigned.rate, p.reassigned.rate, 'pt')),
    '',
    `CSAT ${pct(c.csat.value)} (good ${r.csat.good}, bad ${r.csat.bad}, offered ${r.csat.offered}, ` +
      `response rate ${pct(c.csat.secondary?.value ?? null)})${change(c.csat.delta, 'pt')}`,
    `SLA achievement ${pct(c.slaAchievement.value)}${sla ? `: ${sla}` : ' (no SLA events)'}`,
    '',
    `Agents (top ${agents.length} of ${r.agents.length} by solved)`,
    ...agents,
    '',
    `Data quality: ${q.records} records, ${q.skipped} skipped${reasons ? `; ${reasons}` : ''}`,
  ].join('\n')
}
