// The readable (non-JSON) report.

import type { DurationKpi, KpiReport, PeriodReport, RateKpi } from '@/core'

const num = (v: number | null, digits = 1): string => (v === null ? '—' : v.toFixed(digits))
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)} %`)

function delta(cur: number | null, prev: number | null, unit: 'count' | 'minutes' | 'pt'): string {
  if (cur === null || prev === null) return ''
  const d = cur - prev
  const text = unit === 'pt' ? `${(d * 100).toFixed(1)} pt` : d.toFixed(unit === 'count' ? 0 : 1)
  return ` (${d >= 0 ? '+' : ''}${text} vs previous)`
}

function duration(label: string, k: DurationKpi, prev: DurationKpi): string {
  return (
    `  ${label.padEnd(22)} n=${String(k.count).padEnd(7)} median ${num(k.median).padStart(9)}` +
    `  p90 ${num(k.p90).padStart(9)}  mean ${num(k.mean).padStart(9)}  business median ` +
    `${num(k.business.median)}  pending ${k.pending}${delta(k.median, prev.median, 'minutes')}`
  )
}

function rate(label: string, k: RateKpi, prev: RateKpi): string {
  return `  ${label.padEnd(22)} ${String(k.count).padEnd(7)} ${pct(k.rate)}${delta(k.rate, prev.rate, 'pt')}`
}

function durations(r: PeriodReport, p: PeriodReport): string[] {
  return [
    duration('first reply', r.firstReplyMinutes, p.firstReplyMinutes),
    duration('first resolution', r.firstResolutionMinutes, p.firstResolutionMinutes),
    duration('full resolution', r.fullResolutionMinutes, p.fullResolutionMinutes),
    duration('requester wait', r.requesterWaitMinutes, p.requesterWaitMinutes),
    duration('agent wait', r.agentWaitMinutes, p.agentWaitMinutes),
    duration('on hold', r.onHoldMinutes, p.onHoldMinutes),
  ]
}

/** A plain-text summary of a report for the terminal. */
export function formatReport(r: KpiReport): string {
  const p = r.previous
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
    `  created ${r.tickets.created}${delta(r.tickets.created, p.tickets.created, 'count')}`,
    `  solved ${r.tickets.solved}${delta(r.tickets.solved, p.tickets.solved, 'count')}`,
    `  unsolved at end ${r.tickets.unsolvedAtEnd}`,
    `  by channel: ${channels || '—'}`,
    '',
    'Durations (calendar minutes)',
    ...durations(r, p),
    '',
    'Rates over solved tickets',
    rate('one-touch', r.oneTouch, p.oneTouch),
    rate('reopened', r.reopened, p.reopened),
    rate('reassigned', r.reassigned, p.reassigned),
    '',
    `CSAT ${pct(r.csat.score)} (good ${r.csat.good}, bad ${r.csat.bad}, offered ${r.csat.offered}, ` +
      `response rate ${pct(r.csat.responseRate)})${delta(r.csat.score, p.csat.score, 'pt')}`,
    `SLA achievement ${pct(r.sla.overall.rate)}${sla ? `: ${sla}` : ' (no SLA events)'}`,
    '',
    `Agents (top ${agents.length} of ${r.agents.length} by solved)`,
    ...agents,
    '',
    `Data quality: ${q.records} records, ${q.skipped} skipped${reasons ? `; ${reasons}` : ''}`,
  ].join('\n')
}
