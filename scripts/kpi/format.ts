// The readable (non-JSON) report.

import { kpiCards } from '@/core'
import type {
  DurationKpi,
  KpiCard,
  KpiCardKey,
  KpiReport,
  PeriodReport,
  RateKpi,
  RetentionRangeReport,
  TeamMemberKpis,
} from '@/core'
import { emptyNames, memberLabels } from './names'
import type { TeamNames } from './names'

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

/** How many agents and groups the tables show. */
const TEAM_ROWS = 10

/** The first rows of an agents or groups table, each member by name (memberLabels). */
function team(
  members: readonly TeamMemberKpis[],
  names: ReadonlyMap<number, string>,
  none: string,
): string[] {
  const labels = memberLabels(
    members.map((m) => m.id),
    names,
    none,
  )
  const shown = members.slice(0, TEAM_ROWS)
  const width = Math.max(14, ...labels.slice(0, TEAM_ROWS).map((l) => l.length))
  return shown.map(
    (m, i) =>
      `  ${(labels[i] as string).padEnd(width)} solved ${String(m.solved).padEnd(6)} ` +
      `FRT median ${num(m.firstReplyMinutesMedian)}  full resolution median ` +
      `${num(m.fullResolutionMinutesMedian)}  one-touch ${pct(m.oneTouchRate)}  CSAT ${pct(m.csatScore)}`,
  )
}

/**
 * A plain-text summary of a report for the terminal; agents and groups by name where `names`
 * knows them.
 */
export function formatReport(r: KpiReport, names: TeamNames = emptyNames()): string {
  const p = r.previous
  const c = Object.fromEntries(kpiCards(r).map((card) => [card.key, card])) as Cards
  const channels = Object.entries(r.tickets.byChannel)
    .sort(([, a], [, b]) => b - a)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')
  const sla = Object.entries(r.sla.byMetric)
    .map(([m, s]) => `${m} ${pct(s.rate)} (${s.achieved}/${s.achieved + s.breached})`)
    .join(', ')
  const agents = team(r.agents, names.users, 'unassigned')
  const groups = team(r.groups, names.groups, 'no group')
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
    `Groups (top ${groups.length} of ${r.groups.length} by solved)`,
    ...groups,
    '',
    `Data quality: ${q.records} records, ${q.skipped} skipped${reasons ? `; ${reasons}` : ''}`,
  ].join('\n')
}

/** Tier segments in display order, strongest first. */
const TIER_ORDER = ['platinum', 'gold', 'silver', 'standard'] as const

/** The tier split as a few lines: volume, medians and CSAT per tier. */
export function formatTiers(r: KpiReport, asOf: string): string {
  const segments = r.segments ?? {}
  const names = [
    ...TIER_ORDER.filter((t) => t in segments),
    ...Object.keys(segments).filter((t) => !(TIER_ORDER as readonly string[]).includes(t)),
  ]
  const lines = names.map((name) => {
    const s = segments[name] as PeriodReport
    return (
      `  ${name.padEnd(10)} created ${String(s.tickets.created).padEnd(7)} solved ` +
      `${String(s.tickets.solved).padEnd(7)} first reply median ${num(s.firstReplyMinutes.median).padStart(9)}` +
      `  full resolution median ${num(s.fullResolutionMinutes.median).padStart(9)}  CSAT ${pct(s.csat.score)}`
    )
  })
  return [`By requester tier (as of ${asOf}, the app's default settings)`, ...lines].join('\n')
}

/**
 * The retention views with a stable key for every figure: periods by their end date, channels by
 * name, resolution bands by their hours (`4-8h`, `168h+`), agents by id, top customers by rank.
 */
export function retentionJson(r: RetentionRangeReport): Record<string, unknown> {
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
  const band = (from: number, to: number | null): string =>
    to === null ? `${from}h+` : `${from}-${to}h`
  return {
    asOf: new Date(r.now).toISOString(),
    customers: r.customers,
    rates: Object.fromEntries(
      r.rates.map((p) => [
        day(p.to),
        { from: day(p.from), to: day(p.to), start: p.start, end: p.end, new: p.new, rate: p.rate },
      ]),
    ),
    byChannel: Object.fromEntries(r.byChannel.map(({ key, ...g }) => [key, g])),
    byResolution: {
      buckets: Object.fromEntries(
        r.byResolution.buckets.map((b) => [band(b.fromHours, b.toHours), b]),
      ),
      fasterStopsPayingOffAt: r.byResolution.fasterStopsPayingOffAt,
      knee: r.byResolution.knee,
    },
    byAgent: Object.fromEntries(r.byAgent.map(({ key, ...g }) => [String(key), g])),
    topCustomers: Object.fromEntries(r.topCustomers.map((c, i) => [String(i + 1), c])),
    revenueAtRisk: r.revenueAtRisk,
    baseline: r.baseline,
  }
}

/** The retention views as a few lines for the terminal. */
export function formatRetention(r: RetentionRangeReport): string {
  const channels = r.byChannel
    .map((g) => `${g.key} ${pct(g.rate)} (${g.retained}/${g.customers})`)
    .join(', ')
  const last = r.rates.at(-1)
  const risk = Object.entries(r.revenueAtRisk.byCurrency)
    .map(
      ([cur, v]) =>
        `${v.atRisk.toFixed(2)} ${cur} of ${v.value.toFixed(2)} ${cur} (${v.customers} customers)`,
    )
    .join('; ')
  const payoff = r.byResolution.fasterStopsPayingOffAt
  return [
    `Retention as of ${new Date(r.now).toISOString()} (${r.customers} customers)`,
    `  last 30 days        ${pct(last?.rate ?? null)}`,
    `  by first channel    ${channels || '—'}`,
    `  faster resolution   ${payoff === null ? 'no measurable payoff point' : `stops paying off at ${payoff} h`}`,
    `  revenue at risk     ${risk || '—'}`,
    `  top customers       ${
      r.topCustomers
        .slice(0, 5)
        .map((c) => `${c.customerId} (${c.activeTickets} active)`)
        .join(', ') || '—'
    }`,
  ].join('\n')
}
