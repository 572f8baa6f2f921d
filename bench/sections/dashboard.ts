// `dashboard` section: the nav-bar bundle's gzipped size (a Vite build of the nav_bar page alone,
// into a temporary folder) and, with BENCH_DASHBOARD_TICKETS (default 1,000,000) tickets synced,
// the time from opening the dashboard to its first KPI card and the time to change the range.
//
// "Open" is what the nav bar waits for once the background holds the synced account: the tier-split
// report of the last 30 days from the KPI engine, its trip across instance messaging (a structured
// clone), the core's KPI cards and the first render of the card grid. "Range recompute" is the same
// for the last 90 days. Both are medians of several runs. The tier split is asked for only when its
// tab opens; `tierSplitMs` is that report's time.
import { readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'

import { KpiEngine } from '@/core'
import type { Channel, ReportRange } from '@/core'
import { I18nProvider } from '@/i18n/I18nProvider'
import { KpiCards } from '@/ui/dashboard/KpiCards'
import { cardModels } from '@/ui/dashboard/model/cardModels'
import { mulberry32 as prng } from '../prng'
import { presetRange } from '@/ui/dashboard/model/presetRange'

const TICKETS = Number(process.env.BENCH_DASHBOARD_TICKETS ?? 1_000_000)
const REQUESTERS = 100_000
const RUNS = 5
const DAY = 86_400_000
const ROOT = path.join(__dirname, '..', '..')

/** 18 months of tickets ending at `end`, shaped like the demo account's (seeded). */
function loadTickets(engine: KpiEngine, end: number): void {
  const rnd = prng(7)
  const start = end - 540 * DAY
  const logn = (median: number): number => Math.round(median * Math.exp((rnd() - 0.5) * 3))
  const channels: readonly Channel[] = ['email', 'web', 'api', 'chat', 'messaging']
  const none = { calendar: null, business: null }
  for (let i = 0; i < TICKETS; i++) {
    const createdAt = start + Math.floor((i / TICKETS) * 539 * DAY + rnd() * DAY)
    const solved = rnd() < 0.9
    const full = logn(1500)
    const pair = (v: number) => ({ calendar: v, business: Math.round(v * 0.4) })
    engine.upsert({
      id: i + 1,
      status: solved ? 'solved' : 'open',
      channel: channels[Math.floor(rnd() * channels.length)] ?? 'email',
      createdAt,
      updatedAt: createdAt + full * 60_000,
      solvedAt: solved ? createdAt + full * 60_000 : null,
      requesterId: 1 + Math.floor(rnd() * REQUESTERS),
      organizationId: null,
      assigneeId: 100 + Math.floor(rnd() * 12),
      groupId: 10 + Math.floor(rnd() * 4),
      replies: Math.floor(rnd() * 4),
      reopens: rnd() < 0.05 ? 1 : 0,
      assigneeStations: 1,
      minutes: {
        firstReply: rnd() < 0.97 ? pair(logn(120)) : none,
        firstResolution: solved ? pair(Math.min(full, logn(1000))) : none,
        fullResolution: solved ? pair(full) : none,
        requesterWait: solved ? pair(Math.round(full * 0.8)) : none,
        agentWait: solved ? pair(Math.round(full * 0.1)) : none,
        onHold: solved ? pair(0) : none,
      },
      csat: rnd() < 0.3 ? (rnd() < 0.85 ? 'good' : 'bad') : 'unoffered',
    })
  }
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
function toFirstCard(engine: KpiEngine, range: ReportRange): number {
  const t0 = performance.now()
  const report = structuredClone(engine.report(range))
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
  const tiers = tierMap()
  const last30 = presetRange('30', end, 'UTC')
  const last90 = presetRange('90', end, 'UTC')
  toFirstCard(engine, last30) // warm-up: JIT and formatters
  const open: number[] = []
  const recompute: number[] = []
  const tierSplit: number[] = []
  for (let i = 0; i < RUNS; i++) {
    open.push(toFirstCard(engine, last30))
    recompute.push(toFirstCard(engine, last90))
    const t0 = performance.now()
    engine.report(last30, { segments: { by: 'requester', map: tiers, fallback: 'standard' } })
    tierSplit.push(performance.now() - t0)
  }
  return {
    bundleGzipBytes: bundle.bytes,
    bundleBudgetBytes: 350 * 1024,
    tickets: engine.size,
    openMs: Math.round(median(open)),
    rangeRecomputeMs: Math.round(median(recompute)),
    tierSplitMs: Math.round(median(tierSplit)),
    budgets: { openMs: 2000, rangeRecomputeMs: 1000 },
  }
}
