// `npm run -s e2e [NAME]`: the browser tests (tests/e2e/*.e2e.ts) against the local agent
// workspace on the demo account (or a group's own smaller one), in Debian's Chromium. NAME runs the
// tests whose name contains it, or the whole group of that name. Builds the app first (--no-build skips it),
// uses a throwaway settings file, ports chosen by the system. Exit code 1 when a test fails.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { DEMO_ACCOUNT, startWorkspace } from '../sim/workspace/server'
import { ensureChromium, launchChromium } from '../tests/e2e/browser'
import { TESTS } from '../tests/e2e/workspace.e2e'
import type { E2eTest } from '../tests/e2e/workspace.e2e'
import { DASHBOARD_TESTS } from '../tests/e2e/dashboard.e2e'
import { SIDEBAR_TESTS } from '../tests/e2e/sidebar.e2e'
import { BACKGROUND_TESTS, FRESHNESS_ACCOUNT, FRESHNESS_TESTS } from '../tests/e2e/background.e2e'

const TEST_TIMEOUT_MS = 90_000

type Account = { tickets: number; seed: number; end: string }

/**
 * Test groups, each on a fresh account: the demo account unless the group names a smaller one
 * (a test that needs the team sync caught up gets there in seconds instead of the demo's minutes).
 */
const TEST_GROUPS: Record<string, { tests: E2eTest[]; account?: Account }> = {
  workspace: { tests: TESTS },
  sidebar: { tests: SIDEBAR_TESTS },
  dashboard: { tests: DASHBOARD_TESTS },
  background: { tests: BACKGROUND_TESTS },
  freshness: { tests: FRESHNESS_TESTS, account: FRESHNESS_ACCOUNT },
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function main(): Promise<number> {
  const repoRoot = path.resolve(__dirname, '..')
  const argv = process.argv.slice(2)
  const only = argv.find((a) => !a.startsWith('--'))
  if (!argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, encoding: 'utf8' })
    if (build.status !== 0) {
      console.error(`e2e: npm run build failed\n${build.stdout}${build.stderr}`)
      return 1
    }
  }
  ensureChromium(repoRoot)
  const tmp = path.join(repoRoot, 'tmp', 'e2e')
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  const started = Date.now()
  const browser = await launchChromium()
  let failed = 0
  let passed = 0
  let skipped = 0
  try {
    // Each group gets a fresh demo account: some tests move the account's clock or edit tickets,
    // and the others read the demo account as it starts.
    for (const [group, { tests, account = DEMO_ACCOUNT }] of Object.entries(TEST_GROUPS)) {
      const selected = tests.filter((t) => {
        // a group's name on the command line runs the whole group, known gaps included
        if (only !== undefined) return only === group || t.name.includes(only)
        const gap = (t as { knownGap?: string }).knownGap
        // A known gap is reported, not hidden: named on the command line it runs.
        if (gap !== undefined) {
          skipped++
          console.log(`  - skipped (known gap: ${gap}): ${t.name}`)
        }
        return gap === undefined
      })
      if (selected.length === 0) continue
      const workspace = await startWorkspace({
        repoRoot,
        port: 0,
        ...account,
        settingsFile: path.join(tmp, `${group}.settings.json`),
      })
      try {
        console.log(
          `e2e: ${group} on ${workspace.url} (${account.tickets} tickets, seed ${account.seed})`,
        )
        for (const test of selected) {
          const t0 = Date.now()
          try {
            await withTimeout(
              test.run({ browser, url: workspace.url }),
              (test as { timeoutMs?: number }).timeoutMs ?? TEST_TIMEOUT_MS,
              test.name,
            )
            passed++
            console.log(`  ✓ ${test.name} (${Date.now() - t0} ms)`)
          } catch (err) {
            failed++
            console.log(`  ✗ ${test.name} (${Date.now() - t0} ms)`)
            console.log(`    ${((err as Error).stack ?? String(err)).split('\n').join('\n    ')}`)
          }
        }
      } finally {
        await workspace.close()
      }
    }
  } finally {
    await browser.close()
  }
  console.log(
    `e2e: ${passed} passed, ${failed} failed, ${skipped} skipped in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return failed === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`e2e: ${(err as Error).stack ?? String(err)}`)
    process.exit(1)
  },
)
