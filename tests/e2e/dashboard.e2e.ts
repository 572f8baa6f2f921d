// Browser tests of the team dashboard in the local agent workspace (run by scripts/e2e.ts with the
// workspace tests): the "ask your admin" state, range changes, drill-down and CSV, an axe-core scan,
// and every `data-kpi` figure on screen against `npm run kpi -- --json` on the demo dataset.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Frame, Page } from 'playwright-core'

import { collectErrors, locationFrame } from './browser'
import type { E2eContext, E2eTest } from './workspace.e2e'

const TIMEOUT = 30_000
/** The admin's first sync of the demo account: 20 export pages at 10 a minute, then events (~2 min). */
const SYNC_TIMEOUT = 4 * 60_000
const REPO = path.resolve(__dirname, '..', '..')
const NO_ACCESS = 'Team KPIs are visible to these roles'

/** `knownGap`: why the test does not pass yet; `npm run -s e2e` skips it unless named. */
export type DashboardE2eTest = E2eTest & { timeoutMs?: number; knownGap?: string }

async function open(
  ctx: E2eContext,
  query: string,
  width = 1024,
): Promise<{ page: Page; frame: Frame; errors: string[] }> {
  const page = await ctx.browser.newPage({
    viewport: { width, height: 900 },
    acceptDownloads: true,
  })
  page.setDefaultTimeout(TIMEOUT)
  const errors = collectErrors(page)
  await page.goto(`${ctx.url}/?nav=1&${query}`)
  const frame = await locationFrame(page, 'nav_bar')
  await frame.getByRole('heading', { name: 'Team dashboard' }).waitFor()
  return { page, frame, errors }
}

function noErrors(errors: string[]): void {
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
}

/** Every figure on screen: its kpi path and raw value. */
async function figures(frame: Frame): Promise<{ path: string; value: string }[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll('[data-kpi]')].map((el) => ({
      path: el.getAttribute('data-kpi') ?? '',
      value: el.getAttribute('data-value') ?? '',
    })),
  )
}

function at(root: unknown, dotted: string): unknown {
  let node = root
  for (const part of dotted.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** An SLA figure: it comes from the ticket metric events, exported after the tickets. */
const SLA_PATH = /(^|\.)sla([A-Z.]|$)/

/**
 * Compares the figures on screen with the kpi command's JSON; returns the mismatches. The demo
 * account's 254,335 metric events take 255 export pages, about 25 min at Zendesk's 10 a minute,
 * after the tickets' 2: until then an SLA figure may be blank (null), never a wrong number.
 */
function mismatches(onScreen: { path: string; value: string }[], json: unknown): string[] {
  const wrong: string[] = []
  for (const { path: p, value } of onScreen) {
    const expected = at(json, p)
    const shown = value === 'null' ? null : Number(value)
    if (shown === null && SLA_PATH.test(p)) continue
    const ok =
      expected === null || expected === undefined
        ? shown === null
        : typeof expected === 'number' && shown !== null && Math.abs(shown - expected) < 1e-9
    if (!ok) wrong.push(`${p}: screen ${value}, kpi ${JSON.stringify(expected)}`)
  }
  return wrong
}

/** The demo account as the kpi command reads it (written once per run into tmp/e2e). */
function demoDataset(): { tickets: string; events: string } {
  const dir = path.join(REPO, 'tmp', 'e2e')
  const tickets = path.join(dir, 'demo.ndjson')
  const events = path.join(dir, 'demo-events.ndjson')
  if (!existsSync(tickets) || !existsSync(events)) {
    mkdirSync(dir, { recursive: true })
    execFileSync(
      'npm',
      [
        'run',
        '-s',
        'dataset',
        '--',
        '--tickets',
        '20000',
        '--seed',
        '1',
        '--end',
        '2026-10-31',
      ].concat(['--out', tickets, '--events', events]),
      { cwd: REPO, stdio: 'pipe' },
    )
  }
  return { tickets, events }
}

function kpiJson(range: { from: string; to: string }, extra: string[]): unknown {
  const { tickets, events } = demoDataset()
  const out = execFileSync(
    'npm',
    ['run', '-s', 'kpi', '--', '--in', tickets, '--events', events]
      .concat(['--from', range.from, '--to', range.to, '--tz', 'UTC', '--json'])
      .concat(extra),
    { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  return JSON.parse(out) as unknown
}

/** The report's own period as the dashboard prints it ("2026-10-02 to 2026-11-01 …"). */
async function period(frame: Frame): Promise<{ from: string; to: string }> {
  const text = (await frame.getByText(/\(end exclusive\)/).textContent()) ?? ''
  const m = /^(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(text)
  assert.ok(m, `period line: ${text}`)
  return { from: m[1] as string, to: m[2] as string }
}

/**
 * Turns every chart into its table. A clicked button becomes "Show as chart", so the first
 * remaining "Show as table" is clicked each time (positions shift as they go).
 */
async function showTables(frame: Frame): Promise<void> {
  const buttons = frame.getByRole('button', { name: 'Show as table' })
  for (let left = await buttons.count(); left > 0; left--) await buttons.first().click()
  assert.equal(await buttons.count(), 0, 'a chart still has no table')
}

async function axeScan(frame: Frame): Promise<string[]> {
  await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>
        }
      }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`)
  })
}

export const DASHBOARD_TESTS: DashboardE2eTest[] = [
  {
    name: 'dashboard: an agent outside the KPI roles is told to ask an admin, with the roles',
    async run(ctx) {
      const { page, frame, errors } = await open(ctx, 'role=agent')
      try {
        await frame.getByText('Ask your admin', { exact: true }).waitFor()
        await frame.getByText(`${NO_ACCESS}: admin, Team lead`).waitFor()
        assert.equal(await frame.locator('[data-kpi]').count(), 0)
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'dashboard: range changes, drill-down to a ticket list, CSV export, keyboard tabs, axe',
    timeoutMs: 180_000,
    async run(ctx) {
      const { page, frame, errors } = await open(ctx, 'role=lead')
      try {
        await frame.locator('[data-kpi="tickets.created"]').waitFor()
        const thirty = await period(frame)
        await frame.getByRole('button', { name: 'Last 7 days' }).click()
        await frame.waitForFunction(
          (before) => !document.body.innerText.includes(`${before} to`),
          thirty.from,
        )
        // During the first sync the presets' end follows the data's latest activity, so only the
        // length is fixed here (the data-kpi test checks the end against the kpi command).
        const seven = await period(frame)
        assert.equal((Date.parse(seven.to) - Date.parse(seven.from)) / 86_400_000, 7)

        // Tabs move with the arrow keys and the view comes back on reload.
        await frame.getByRole('tab', { name: 'Overview' }).focus()
        await page.keyboard.press('ArrowRight')
        await frame.getByRole('tab', { name: 'VIP tiers', selected: true }).waitFor()
        await frame.locator('[data-kpi="segments.gold.tickets.created"]').waitFor()
        await page.keyboard.press('ArrowLeft')
        await frame.getByRole('tab', { name: 'Overview', selected: true }).waitFor()

        // The widest preset for the drill-down: during the first sync it has the most tickets.
        await frame.getByRole('button', { name: 'Last 90 days' }).click()
        await frame.waitForFunction(
          (before) => !document.body.innerText.includes(`${before} to`),
          seven.from,
        )
        await frame.getByRole('button', { name: /^Created/ }).click()
        const panel = frame.getByRole('region', { name: 'Tickets: Created' })
        await panel
          .getByRole('button', { name: /Open ticket \d+:/ })
          .first()
          // The background answers in turn while it also commits sync pages; a list opened before
          // the first pages landed follows the range as the presets move to the data.
          .waitFor({ timeout: 60_000 })
        const listed = await panel.getByRole('button', { name: /Open ticket \d+:/ }).count()
        assert.ok(listed > 0)
        // One row per listed ticket: all of them, or the first 500 of a larger figure. The list
        // follows the first sync's pages, so an export counts only when the list stood still
        // around it (the summary the same before and after).
        const summaryOf = async () =>
          (await panel.getByText(/^[\d,]+ tickets?[.;]/).textContent()) ?? ''
        const tries: string[] = []
        for (let attempt = 0; attempt < 5 && tries.at(-1) !== 'checked'; attempt++) {
          const summary = await summaryOf()
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            panel.getByRole('button', { name: 'Export CSV' }).click(),
          ])
          const lines = readFileSync(await download.path(), 'utf8')
            .trim()
            .split(/\r\n/)
          const after = await summaryOf()
          if (after !== summary) {
            tries.push(`"${summary}" became "${after}" during the export`)
            continue
          }
          assert.equal(lines[0], 'Ticket,Subject,Requester,Tier,Status,Figure')
          const total = Number(/^([\d,]+)/.exec(summary)?.[1]?.replace(/,/g, '') ?? Number.NaN)
          assert.equal(lines.length - 1, Math.min(total, 500), `CSV rows for "${summary}"`)
          tries.push('checked')
        }
        assert.equal(tries.at(-1), 'checked', `no export of a still list: ${tries.join('; ')}`)

        const violations = await axeScan(frame)
        assert.deepEqual(violations, [], `axe: ${violations.join(', ')}`)

        // Opening a ticket routes the workspace to it.
        await panel
          .getByRole('button', { name: /Open ticket \d+:/ })
          .first()
          .click()
        await page.waitForURL(/ticket=\d+/)

        // Back on the dashboard (same browser storage), the 90-day range is remembered.
        await page.goto(`${ctx.url}/?nav=1&role=lead`)
        const again = await locationFrame(page, 'nav_bar', 'visible')
        await again.locator('[data-kpi="tickets.created"]').waitFor()
        const remembered = await period(again)
        assert.equal((Date.parse(remembered.to) - Date.parse(remembered.from)) / 86_400_000, 90)
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'dashboard: every data-kpi figure equals npm run kpi -- --json on the demo dataset',
    timeoutMs: SYNC_TIMEOUT + 120_000,
    async run(ctx) {
      // An admin's background runs the incremental export; figures are exact once it is complete.
      const { page, frame, errors } = await open(ctx, 'role=admin')
      try {
        await frame.locator('[data-sync="synced"]').waitFor({ timeout: SYNC_TIMEOUT })
        await frame.getByRole('button', { name: 'Last 30 days' }).click()
        await frame.locator('[data-kpi="tickets.created"]').waitFor()
        const range = await period(frame)
        const base = kpiJson(range, [])
        await showTables(frame)
        const overview = await figures(frame)
        assert.ok(overview.length > 100, `${overview.length} figures on the overview`)
        assert.deepEqual(mismatches(overview, base), [])

        await frame.getByRole('tab', { name: 'Agents and groups' }).click()
        await frame.locator('[data-kpi="agents.0.solved"]').waitFor()
        assert.deepEqual(mismatches(await figures(frame), base), [])

        await frame.getByRole('tab', { name: 'VIP tiers' }).click()
        await frame.locator('[data-kpi="segments.gold.tickets.created"]').waitFor()
        assert.deepEqual(mismatches(await figures(frame), kpiJson(range, ['--by', 'tier'])), [])

        await frame.getByRole('tab', { name: 'Retention' }).click()
        await frame.locator('[data-kpi^="retention."]').first().waitFor()
        await showTables(frame)
        assert.deepEqual(mismatches(await figures(frame), kpiJson(range, ['--retention'])), [])
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'dashboard: usable at 320 px',
    async run(ctx) {
      const { page, frame, errors } = await open(ctx, 'role=lead', 320)
      try {
        await frame.locator('[data-kpi="tickets.created"]').waitFor()
        const overflow = await frame.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px`)
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  },
]
