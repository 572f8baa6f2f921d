// `dashboard` section: the nav-bar bundle's gzipped size (a Vite build of the nav_bar page alone,
// into a temporary folder) and, with BENCH_DASHBOARD_TICKETS (default 1,000,000) tickets synced,
// the time from opening the dashboard to its first KPI card and the time to change the range.
//
// "Open" is what the nav bar waits for once the background holds the synced account: the report of
// the last 30 days from the KPI engine with the VIP tier split (one pass over the tickets: every
// KPI, the resolution-time distribution, the previous period and each tier), its trip across
// instance messaging (a structured clone), the core's KPI cards and the first render of the card
// grid. "Range recompute" is the same for the last 90 days. `tierSplitMs` is the tier-split report
// alone. `retentionMs` is the retention views of a range (the last 30 days) from the account's
// retention index, which is built once per version of the account (`retentionIndexMs`). All are
// medians of several runs.
import { readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'

import { KpiEngine, retentionForRange, retentionIndex } from '@/core'
import type {
  CustomerProfile,
  CustomerTicket,
  FieldValue,
  ReportRange,
  SegmentOptions,
} from '@/core'
import { I18nProvider } from '@/i18n/I18nProvider'
import { KpiCards } from '@/ui/dashboard/KpiCards'
import { cardModels } from '@/ui/dashboard/model/cardModels'
import { mulberry32 as prng } from '../prng'
import { syntheticEngineRecords } from '../syntheticEngineRecords'
import { presetRange } from '@/ui/dashboard/model/presetRange'

const TICKETS = Number(process.env.BENCH_DASHBOARD_TICKETS ?? 1_000_000)
const REQUESTERS = 100_000
const RUNS = 5
const DAY = 86_400_000
const ROOT = path.join(__dirname, '..', '..')

/** 18 months of tickets ending at `end`, shaped like the demo account's (seeded). */
function loadTickets(engine: KpiEngine, end: number): void {
  const shape = { tickets: TICKETS, end, seed: 7, requesters: REQUESTERS, agents: 12, groups: 4 }
  for (const t of syntheticEngineRecords(shape)) engine.upsert(t)
}

/** One profile per requester: a third with a lifetime value, the rest valued by engagement. */
function profiles(end: number): CustomerProfile[] {
  const rnd = prng(11)
  const out: CustomerProfile[] = []
  for (let id = 1; id <= REQUESTERS; id++) {
    const fields: Record<string, FieldValue> = {}
    if (id % 3 === 0) fields.lifetime_value = Math.round(100 + rnd() * 10_000)
    if (rnd() < 0.5) fields.last_order_at = new Date(end - rnd() * 200 * DAY).toISOString()
    out.push({
      id,
      createdAt: end - Math.floor(540 + rnd() * 300) * DAY,
      tags: [],
      fields,
      organization: null,
    })
  }
  return out
}

/** Requester → tier as the percentile rule splits them (top 1 %, 5 %, 20 %). */
function tierMap(): Map<number, string> {
  const map = new Map<number, string>()
  for (let id = 1; id <= REQUESTERS; id++) {
    const rank = id / REQUESTERS
    map.set(
      id,
      rank <= 0.01 ? 'platinum' : rank <= 0.05 ? 'gold' : rank <= 0.2 ? 'silver' : 'standard',
    )
  }
  return map
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}

/** Report → postMessage clone → cards → first render of the card grid; returns ms. */
function toFirstCard(engine: KpiEngine, range: ReportRange, segments: SegmentOptions): number {
  const t0 = performance.now()
  const report = structuredClone(engine.report(range, { segments }))
  if (report.segments?.platinum?.fullResolutionMinutes.buckets === undefined)
    throw new Error('bench: the report has no tier split or resolution distribution')
  const cards = createElement(KpiCards, { cards: cardModels(report), onDrill: () => undefined })
  const html = renderToString(
    createElement(
      ThemeProvider,
      { theme: DEFAULT_THEME },
      createElement(I18nProvider, { locale: 'en', children: cards }),
    ),
  )
  if (!html.includes('data-kpi="tickets.created"')) throw new Error('bench: no KPI card rendered')
  return performance.now() - t0
}

/** Gzipped bytes of everything the nav-bar page loads (its entry, shared chunks and CSS). */
async function navBarBundleGzipBytes(): Promise<{ bytes: number; files: number }> {
  const { build } = await import('vite')
  const outDir = mkdtempSync(path.join(tmpdir(), 'rr-navbar-'))
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      root: path.join(ROOT, 'src/entries'),
      base: './',
      publicDir: false,
      resolve: { alias: { '@': path.join(ROOT, 'src') } },
      build: {
        outDir,
        emptyOutDir: true,
        assetsDir: '.',
        rollupOptions: { input: { nav_bar: path.join(ROOT, 'src/entries/nav_bar.html') } },
      },
    })
    // Language chunks load only for a non-English agent, one at a time: not part of the page.
    const files = readdirSync(outDir).filter(
      (f) => /\.(js|css)$/.test(f) && !/^(ca|es|ru|ro|id)[-.]/.test(f),
    )
    let bytes = 0
    for (const f of files) bytes += gzipSync(readFileSync(path.join(outDir, f))).length
    return { bytes, files: files.length }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const bundle = await navBarBundleGzipBytes()
  const end = Date.parse('2026-10-31T23:59:59Z')
  const engine = new KpiEngine({ initialCapacity: TICKETS })
  loadTickets(engine, end)
  const segments: SegmentOptions = { by: 'requester', map: tierMap(), fallback: 'standard' }
  const last30 = presetRange('30', end, 'UTC')
  const last90 = presetRange('90', end, 'UTC')
  toFirstCard(engine, last30, segments) // warm-up: JIT and formatters
  const open: number[] = []
  const recompute: number[] = []
  const tierSplit: number[] = []
  for (let i = 0; i < RUNS; i++) {
    open.push(toFirstCard(engine, last30, segments))
    recompute.push(toFirstCard(engine, last90, segments))
    const t0 = performance.now()
    engine.report(last30, { segments })
    tierSplit.push(performance.now() - t0)
  }
  // retention: the customers and their tickets as the account store hands them over
  const people = profiles(end)
  const tickets: CustomerTicket[] = []
  for (const ticket of engine.tickets()) tickets.push({ ticket, tags: [], priority: 'normal' })
  const indexMs: number[] = []
  const retention: number[] = []
  let index = retentionIndex(people, tickets)
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now()
    index = retentionIndex(people, tickets)
    indexMs.push(performance.now() - t0)
    t0 = performance.now()
    const r = retentionForRange({ profiles: people, tickets, index, range: last30, now: end })
    retention.push(performance.now() - t0)
    if (r.customers === 0) throw new Error('bench: the retention report has no customers')
  }
  return {
    bundleGzipBytes: bundle.bytes,
    bundleBudgetBytes: 350 * 1024,
    tickets: engine.size,
    openMs: Math.round(median(open)),
    rangeRecomputeMs: Math.round(median(recompute)),
    tierSplitMs: Math.round(median(tierSplit)),
    retentionMs: Math.round(median(retention)),
    retentionIndexMs: Math.round(median(indexMs)),
    budgets: { openMs: 2000, rangeRecomputeMs: 1000 },
  }
}
