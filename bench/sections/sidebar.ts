// `sidebar` section: the ticket sidebar in the local agent workspace on the demo account, in
// Debian's Chromium.
// - bundleGzipBytes: the sidebar page's JS and CSS (entry, preloaded chunks, stylesheet), gzipped;
// - requestsCold / requestsWarm: API requests of one ticket open (the most over the sample),
//   counted from the workspace's request forwarding with the background's sync switched off: cold
//   (reads) in a fresh browser profile, warm (reads and writes) when the same tab opens the ticket
//   again; scoreWritesCold: the score field writes of the cold opens (one when the score changed);
// - renderMs: from the app's registration (`app.registered` reaching the frame) to the score on
//   screen (provisional while the history loads); renderSettledMs: to the score with the history in; baselineMs: from the same registration to the sidebar's first Garden content (its empty
//   skeleton), measured in the same frames, so renderRatio = renderMs / baselineMs is what the data
//   and the scoring add to an empty Garden sidebar (cold: the requester's history fetched;
//   renderWarmMs / renderWarmRatio: the same ticket opened again, history from the tab's cache).
//   Medians over the sample.
// Needs dist/ (builds it when missing).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import type { Browser, Page } from 'playwright-core'

import { DEMO_ACCOUNT, startWorkspace } from '../../sim/workspace/server'
import { ensureChromium, launchChromium } from '../../tests/e2e/browser'

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(ROOT, 'dist', 'assets')
/** Demo tickets opened (unsolved, different requesters). */
const SAMPLE = [19987, 19965, 19767, 19995, 19982, 19897]
/** Requests the sidebar sends; the background's own never match with its sync off. */
const SIDEBAR_API = /\/api\/v2\/(users\/\d+\/tickets\/requested|custom_objects\/|tickets\/\d+)/

/** Gzipped bytes of the JS and CSS the sidebar page loads before it runs. */
export function sidebarBundleGzipBytes(dir = DIST): number {
  const html = readFileSync(path.join(dir, 'ticket_sidebar.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1])
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dir, f ?? ''))).length, 0)
}

// In every frame: when `app.registered` arrives, when Garden first renders, when the score shows.
const TIMING_SCRIPT = `(() => {
  const t = (window.__rrTiming = {})
  const now = () => performance.timeOrigin + performance.now()
  window.addEventListener('message', (e) => {
    if (t.registered === undefined && JSON.stringify(e.data ?? '').includes('app.registered')) t.registered = now()
  }, true)
  new MutationObserver(() => {
    if (t.garden === undefined && document.querySelector('[data-garden-id]')) t.garden = now()
    if (t.score === undefined && document.querySelector('[data-testid="priority-score"]')) t.score = now()
    if (t.settled === undefined && document.querySelector('[data-testid="priority-score"]') && !document.querySelector('[data-testid="provisional"]')) t.settled = now()
  }).observe(document, { subtree: true, childList: true })
})()`

type Timing = { registered?: number; garden?: number; score?: number; settled?: number }

async function openTicket(page: Page, url: string, ticket: number): Promise<Timing> {
  await page.goto(`${url}/?ticket=${ticket}&role=agent`)
  const handle = await page.waitForSelector('iframe[data-location="ticket_sidebar"]', {
    state: 'attached',
  })
  const frame = await handle.contentFrame()
  if (!frame) throw new Error('the ticket_sidebar iframe has no frame')
  await frame.waitForSelector('[data-testid="priority-score"]', { timeout: 60_000 })
  await frame.waitForSelector('[data-testid="provisional"]', { state: 'detached', timeout: 60_000 })
  // let the writes that follow the score go out before counting
  await page.waitForTimeout(500)
  return frame.evaluate(() => (window as unknown as { __rrTiming: Timing }).__rrTiming)
}

/** The sidebar's API reads and writes as the workspace forwards them to the simulator. */
function sidebarRequests(page: Page): { reads: () => number; writes: () => number } {
  let reads = 0
  let writes = 0
  page.on('request', (req) => {
    if (!req.url().endsWith('/workspace/api/request')) return
    const body = req.postData() ?? ''
    if (!SIDEBAR_API.test(body)) return
    if (/"type":"(PUT|POST|PATCH)"/.test(body)) writes++
    else reads++
  })
  return { reads: () => reads, writes: () => writes }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2
}

async function measure(browser: Browser, url: string) {
  const cold: number[] = []
  const warm: number[] = []
  const writes: number[] = []
  const render: number[] = []
  const settled: number[] = []
  const renderWarm: number[] = []
  const baseline: number[] = []
  for (const ticket of SAMPLE) {
    // a fresh profile: no tab cache, no cached baseline
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } })
    await context.addInitScript(TIMING_SCRIPT)
    const page = await context.newPage()
    const requests = sidebarRequests(page)
    const timing = await openTicket(page, url, ticket)
    cold.push(requests.reads())
    writes.push(requests.writes())
    if (timing.registered !== undefined && timing.score !== undefined) {
      render.push(timing.score - timing.registered)
    }
    if (timing.registered !== undefined && timing.settled !== undefined) {
      settled.push(timing.settled - timing.registered)
    }
    if (timing.registered !== undefined && timing.garden !== undefined) {
      baseline.push(timing.garden - timing.registered)
    }
    const before = requests.reads() + requests.writes()
    const again = await openTicket(page, url, ticket)
    warm.push(requests.reads() + requests.writes() - before)
    if (again.registered !== undefined && again.score !== undefined) {
      renderWarm.push(again.score - again.registered)
    }
    await context.close()
  }
  return { cold, warm, writes, render, settled, renderWarm, baseline }
}

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(path.join(DIST, 'ticket_sidebar.html'))) {
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`bench sidebar: npm run build failed\n${build.stderr}`)
  }
  const bundleGzipBytes = sidebarBundleGzipBytes()
  ensureChromium(ROOT)
  const tmp = path.join(ROOT, 'tmp', 'bench-sidebar')
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  const workspace = await startWorkspace({
    repoRoot: ROOT,
    port: 0,
    ...DEMO_ACCOUNT,
    settingsFile: path.join(tmp, 'preview.settings.json'),
  })
  const browser = await launchChromium()
  try {
    // the background's sync would share the request log: off for the count
    const res = await fetch(`${workspace.url}/workspace/api/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ settings: { syncEnabled: false } }),
    })
    if (!res.ok) throw new Error(`bench sidebar: settings answered HTTP ${res.status}`)
    const m = await measure(browser, workspace.url)
    const renderMs = Math.round(median(m.render))
    const renderWarmMs = Math.round(median(m.renderWarm))
    const baselineMs = Math.round(median(m.baseline))
    return {
      bundleGzipBytes,
      requestsCold: Math.max(...m.cold),
      requestsWarm: Math.max(...m.warm),
      scoreWritesCold: Math.max(...m.writes),
      renderMs,
      baselineMs,
      renderRatio: baselineMs > 0 ? Math.round((renderMs / baselineMs) * 100) / 100 : null,
      renderSettledMs: Math.round(median(m.settled)),
      renderWarmMs,
      renderWarmRatio: baselineMs > 0 ? Math.round((renderWarmMs / baselineMs) * 100) / 100 : null,
      sample: SAMPLE.length,
    }
  } finally {
    await browser.close()
    await workspace.close()
  }
}
