// The retention analytics recover the relationships the simulator plants (docs/simulator.md):
// churn by first-contact channel, slower resolution → more churn flattening past some time, and
// high-value customers contacting more often. One 20,000-ticket account, generated in memory.

import {
  agentRetention,
  channelRiskFromRetention,
  customerSpans,
  customerValue,
  groupByRequester,
  retentionByChannel,
  retentionByResolution,
  retentionRates,
  retentionReport,
  topCustomers,
} from '@/core/customer'
import type { CustomerSpan } from '@/core/customer'
import { customerDataset } from '@/zendesk/customers'
import type { CustomerDataset } from '@/zendesk/customers'
import { generateExportPages } from '@sim/export'
import {
  buildSkeleton,
  CHANNEL_BASE_CHURN,
  CHURN_SATURATION_HOURS,
  customerId,
} from '@sim/skeleton'
import type { Skeleton } from '@sim/skeleton'

const TICKETS = 20_000
const SEED = 1

let data: CustomerDataset
let sk: Skeleton
let now: number
let spans: CustomerSpan[]

beforeAll(() => {
  data = customerDataset(generateExportPages({ tickets: TICKETS, seed: SEED }))
  sk = buildSkeleton({ tickets: TICKETS, seed: SEED })
  now = sk.endMs
  spans = customerSpans(data.profiles.values(), data.tickets, now)
})

/** Spearman's rank correlation (average ranks for ties). */
function spearman(a: readonly number[], b: readonly number[]): number {
  const rank = (xs: readonly number[]): number[] => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0])
    const r = new Array<number>(xs.length)
    for (let i = 0; i < order.length;) {
      let j = i
      while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++
      for (let k = i; k <= j; k++) r[order[k]?.[1] ?? 0] = (i + j) / 2
      i = j + 1
    }
    return r
  }
  const ra = rank(a)
  const rb = rank(b)
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length
  const ma = mean(ra)
  const mb = mean(rb)
  let num = 0
  let da = 0
  let db = 0
  for (let i = 0; i < ra.length; i++) {
    const x = (ra[i] ?? 0) - ma
    const y = (rb[i] ?? 0) - mb
    num += x * y
    da += x * x
    db += y * y
  }
  return num / Math.sqrt(da * db)
}

const simIndex = (id: number): number => id - customerId(0)

describe('retention analytics on the simulated account', () => {
  it('detects the planted churners with the inactivity rule', () => {
    let tp = 0
    let fp = 0
    let fn = 0
    for (const s of spans) {
      const planted = sk.customerChurned[simIndex(s.customerId)] === 1
      const detected = s.churnedAt !== null
      if (planted && detected) tp++
      else if (detected) fp++
      else if (
        planted &&
        (sk.customerChurnMs[simIndex(s.customerId)] ?? now) < now - 60 * 86_400_000
      )
        fn++
    }
    expect(tp / (tp + fp)).toBeGreaterThan(0.95)
    expect(tp / (tp + fn)).toBeGreaterThan(0.9)
  })

  it('recovers channel loyalty: channels with more planted churn retain fewer customers', () => {
    const byChannel = retentionByChannel(spans, now, { minCustomers: 100 })
    const planted = (ch: string): number =>
      ch === 'messaging' ? CHANNEL_BASE_CHURN.native_messaging : CHANNEL_BASE_CHURN[ch as 'email']
    expect(byChannel.length).toBeGreaterThanOrEqual(5)
    const rho = spearman(
      byChannel.map((g) => planted(g.key)),
      byChannel.map((g) => g.rate),
    )
    expect(rho).toBeLessThan(-0.7)
    const risk = channelRiskFromRetention(byChannel)
    expect(risk.voice).toBeLessThan(risk.web ?? 0)
    expect(risk.chat).toBeLessThan(risk.api ?? 0)
  })

  it('recovers slower resolution → more churn, flattening past a knee', () => {
    const r = retentionByResolution(spans, now)
    const pooled = (pick: (from: number) => boolean): number => {
      const bs = r.buckets.filter((b) => pick(b.fromHours))
      return bs.reduce((a, b) => a + b.retained, 0) / bs.reduce((a, b) => a + b.customers, 0)
    }
    expect(pooled((h) => h < 16) - pooled((h) => h >= 72)).toBeGreaterThan(0.15)
    const rates = r.buckets.filter((b) => b.customers >= 30).map((b) => b.rate ?? 0)
    expect(
      spearman(
        rates.map((_, i) => i),
        rates,
      ),
    ).toBeLessThan(-0.8)
    expect(r.knee).not.toBeNull()
    const knee = r.knee as NonNullable<typeof r.knee>
    expect(knee.slopeBelow).toBeLessThan(0)
    // the decline flattens past the knee (planted: no further churn past CHURN_SATURATION_HOURS of
    // expected resolution; noise in per-customer medians moves the fitted knee later)
    expect(knee.flatSide).toBe('above')
    expect(knee.hours).toBeGreaterThanOrEqual(CHURN_SATURATION_HOURS / 2)
    expect(knee.hours).toBeLessThanOrEqual(CHURN_SATURATION_HOURS * 4)
    expect(r.fasterStopsPayingOffAt).not.toBeNull()
    expect(r.fasterStopsPayingOffAt).toBeLessThanOrEqual(48)
  })

  it('puts the knee near the planted saturation when comparing like with like', () => {
    // email/web customers with 3+ solved tickets: one channel speed, steadier medians (docs/simulator.md)
    const r = retentionByResolution(spans, now, {
      firstChannels: ['email', 'web'],
      minSolvedTickets: 3,
    })
    expect(r.knee?.flatSide).toBe('above')
    expect(r.knee?.hours).toBeGreaterThanOrEqual(CHURN_SATURATION_HOURS / 2)
    expect(r.knee?.hours).toBeLessThanOrEqual(CHURN_SATURATION_HOURS * 2)
  })

  it('recovers that high-value customers contact more often', () => {
    const history = groupByRequester(data.tickets)
    const values: number[] = []
    const counts: number[] = []
    for (const p of data.profiles.values()) {
      const v = customerValue(p, history.get(p.id) ?? [], now)
      if (v.isEstimate) continue
      values.push(v.amount)
      counts.push(history.get(p.id)?.length ?? 0)
    }
    expect(spearman(values, counts)).toBeGreaterThan(0.1)
    const valueOf = (id: number): number | null => {
      const p = data.profiles.get(id)
      return p === undefined ? null : customerValue(p, [], now).amount
    }
    const top = topCustomers(data.tickets, valueOf)
    expect(top).toHaveLength(10)
    const sorted = [...values].sort((a, b) => a - b)
    const medianValue = sorted[Math.floor(sorted.length / 2)] ?? 0
    expect(top.every((t) => t.value > medianValue)).toBe(true)
  })

  it('bundles everything for the dashboard, with revenue at risk below the backlog value', () => {
    const r = retentionReport([...data.profiles.values()], data.tickets, now, { periods: 3 })
    expect(r.customers).toBe(spans.length)
    expect(r.topCustomers).toHaveLength(10)
    const usd = r.revenueAtRisk.byCurrency.USD
    expect(usd?.customers).toBeGreaterThan(10)
    expect(usd?.atRisk).toBeGreaterThan(0)
    expect(usd?.atRisk).toBeLessThan(usd?.value ?? 0)
    expect(Object.keys(r.baseline.channelRisk).length).toBeGreaterThanOrEqual(5)
  })

  it('measures a stable monthly retention rate and no planted agent effect', () => {
    const rates = retentionRates(spans, now, { periods: 6 }).map((r) => r.rate ?? 0)
    for (const rate of rates) {
      expect(rate).toBeGreaterThan(0.85)
      expect(rate).toBeLessThanOrEqual(1)
    }
    const overall = spans.filter((s) => s.churnedAt === null).length / spans.length
    const agents = agentRetention(spans, now, { minCustomers: 100 })
    expect(agents.length).toBeGreaterThanOrEqual(2)
    for (const a of agents) expect(Math.abs(a.rate - overall)).toBeLessThan(0.1)
  })
})
