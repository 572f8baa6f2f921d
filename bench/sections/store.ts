// `store` section: the account store in Chromium (Debian's, driven by playwright-core). Writes
// BENCH_STORE_TICKETS (default 1,000,000) synthetic tickets as committed pages of 1,000 into
// IndexedDB, closes the browser, starts it again on the same profile and cold-loads the account
// (the background's start), then reports a range it has not reported before, then asks the
// background's report source for the tier split and the retention analytics of that range and of
// another one (the synthetic account has no user profiles: every customer is valued by estimate).
// → store{tickets, writeMs, coldLoadMs, bytesOnDisk, rangeReportMs, tierSplitMs,
//   tierSplitNewRangeMs, retentionMs, retentionNewRangeMs}
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import type { BrowserContext } from 'playwright-core'

import { CHROMIUM_PATH, ensureChromium } from '../../tests/e2e/browser'

const TICKETS = Number(process.env.BENCH_STORE_TICKETS ?? 1_000_000)
const PAGE_SIZE = 1000
const RANGE = { from: '2025-11-01', to: '2026-02-01', timeZone: 'Europe/Madrid' }
const ROOT = path.resolve(__dirname, '..', '..')

/** Bytes of every file under `dir` (the profile's IndexedDB folder). */
function bytesUnder(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    total += entry.isDirectory() ? bytesUnder(full) : statSync(full).size
  }
  return total
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'bench', 'store', 'browserEntry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

async function withBrowser<T>(
  profile: string,
  url: string,
  run: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`store bench page: ${m.text()}`)
    })
    await page.goto(url)
    await page.waitForFunction(() => 'storeBench' in window)
    return await run(context)
  } finally {
    await context.close()
  }
}

export async function run(): Promise<Record<string, unknown>> {
  ensureChromium(ROOT)
  const script = await bundle()
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' })
      res.end(script)
    } else {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<!doctype html><title>store bench</title><script src="/bench.js"></script>')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const profile = mkdtempSync(path.join(tmpdir(), 'rr-store-bench-'))
  try {
    const { writeMs } = await withBrowser(profile, url, (context) =>
      (context.pages()[0] as NonNullable<ReturnType<BrowserContext['pages']>[0]>).evaluate(
        (o) => window.storeBench.write(o),
        { tickets: TICKETS, pageSize: PAGE_SIZE },
      ),
    )
    // a new browser on the same profile: nothing of the write is left in memory
    const loaded = await withBrowser(profile, url, (context) =>
      (context.pages()[0] as NonNullable<ReturnType<BrowserContext['pages']>[0]>).evaluate(
        (range) => window.storeBench.coldLoad(range),
        RANGE,
      ),
    )
    if (loaded.held !== TICKETS || loaded.problems !== 0)
      throw new Error(
        `store bench: loaded ${loaded.held} tickets with ${loaded.problems} problems, expected ${TICKETS} and none`,
      )
    return {
      tickets: loaded.held,
      writeMs,
      coldLoadMs: loaded.coldLoadMs,
      coldReadMs: loaded.readMs,
      coldReplayMs: loaded.replayMs,
      bytesOnDisk: bytesUnder(path.join(profile, 'Default', 'IndexedDB')),
      rangeReportMs: loaded.rangeReportMs,
      tierSplitMs: loaded.tierSplitMs,
      tierSplitNewRangeMs: loaded.tierSplitNewRangeMs,
      retentionMs: loaded.retentionMs,
      retentionNewRangeMs: loaded.retentionNewRangeMs,
      pageSize: PAGE_SIZE,
    }
  } finally {
    server.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
