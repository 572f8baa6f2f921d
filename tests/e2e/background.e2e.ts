// Browser tests of the background location in the local agent workspace (run by scripts/e2e.ts with
// the workspace tests): one team sync however many workspace tabs are open, and an SLA warning for
// the assignee just before a VIP ticket breaches (the clock moved with the workspace's clock API).
import assert from 'node:assert/strict'

import type { BrowserContext, Frame, Page } from 'playwright-core'

import { createTicket, requestersByTier } from '../../sim/workspace/scenarios'
import { collectErrors } from './browser'
import type { E2eContext, E2eTest } from './workspace.e2e'

const TIMEOUT = 30_000
const MINUTE = 60_000

type Forwarded = { status: number; headers: Record<string, string>; body: string }

async function json<T>(ctx: E2eContext, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${ctx.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  })
  assert.ok(res.ok, `${path}: HTTP ${res.status}`)
  return (await res.json()) as T
}

/** A GET through the workspace's proxy as `role`, as the app's ZAF requests go. */
async function apiGet<T>(ctx: E2eContext, role: string, url: string): Promise<T> {
  const res = await json<Forwarded>(ctx, '/workspace/api/request', {
    method: 'POST',
    body: JSON.stringify({ role, options: { url, type: 'GET' } }),
  })
  assert.equal(res.status, 200, `GET ${url} as ${role}: ${res.status} ${res.body.slice(0, 200)}`)
  return JSON.parse(res.body) as T
}

/**
 * A workspace tab that counts the team sync's export requests it sends (every API request of the
 * app goes through the host page as `POST /workspace/api/request`, so the tab's own request log
 * is the simulator's log for that tab).
 */
async function openTab(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; errors: string[]; exports: () => number }> {
  const page = await context.newPage()
  page.setDefaultTimeout(TIMEOUT)
  const errors = collectErrors(page)
  let exports = 0
  page.on('request', (req) => {
    if (!req.url().endsWith('/workspace/api/request')) return
    if ((req.postData() ?? '').includes('/api/v2/incremental/')) exports++
  })
  await page.goto(url)
  return { page, errors, exports: () => exports }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`)
    await wait(250)
  }
}

/**
 * The freshness group's account: small enough that the admin's and the lead's first team sync catch
 * up in well under a minute (the demo's takes minutes), with the demo's seed and end date.
 */
export const FRESHNESS_ACCOUNT = { tickets: 2000, seed: 1, end: '2026-10-31' }

/** The dashboard in the nav bar of a new browser (its own storage, so its own team sync). */
async function openDashboard(
  ctx: E2eContext,
  role: string,
): Promise<{ context: BrowserContext; frame: Frame; errors: string[] }> {
  const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 900 } })
  const { page, errors } = await openTab(context, `${ctx.url}/?nav=1&role=${role}`)
  const handle = await page.waitForSelector('iframe[data-location="nav_bar"]', {
    state: 'attached',
  })
  const frame = await handle.contentFrame()
  if (!frame) throw new Error(`${role}: the nav_bar iframe has no frame`)
  return { context, frame, errors }
}

const CREATED = '[data-kpi="tickets.created"]'

async function createdFigure(frame: Frame): Promise<number> {
  return Number(await frame.locator(CREATED).first().getAttribute('data-value'))
}

/** The status line's "Updated N s ago", in seconds; null when it says something else. */
async function updatedSecondsAgo(frame: Frame): Promise<number | null> {
  const text = (await frame.locator('[data-sync="synced"]').textContent()) ?? ''
  const m = /Updated (\d+) s ago/.exec(text)
  return m ? Number(m[1]) : null
}

/** `timeoutMs`: longer than scripts/e2e.ts's default. */
type TimedTest = E2eTest & { timeoutMs?: number }

export const FRESHNESS_TESTS: TimedTest[] = [
  {
    name: 'freshness: a ticket created in Zendesk moves the open dashboards of an admin and a lead within 60 s, and "updated N s ago" is true',
    timeoutMs: 4 * MINUTE,
    async run(ctx) {
      // an admin (incremental export) and a team lead (search fallback), each in their own browser
      const boards = await Promise.all(['admin', 'lead'].map((role) => openDashboard(ctx, role)))
      try {
        for (const { frame } of boards) {
          await frame.locator('[data-sync="synced"]').waitFor({ timeout: 2 * MINUTE })
          await frame.locator(CREATED).first().waitFor()
        }
        const before = await Promise.all(boards.map(({ frame }) => createdFigure(frame)))
        // a new ticket now: the account clock stands at the end of the dashboards' default range
        const [requester] = await requestersByTier(ctx.url, 'gold', 1)
        assert.ok(requester !== undefined, 'no gold requester in the account')
        const changedAt = Date.now()
        const { ticketId } = await createTicket(ctx.url, {
          subject: 'Freshness check',
          comment: { body: 'Created by the freshness browser test.' },
          requester_id: requester.id,
        })
        for (const [i, { frame }] of boards.entries()) {
          const expected = (before[i] ?? 0) + 1
          await frame.waitForFunction(
            ([selector, value]) =>
              document.querySelector(selector as string)?.getAttribute('data-value') ===
              String(value),
            [CREATED, expected] as const,
            { timeout: MINUTE, polling: 250 },
          )
          const tookS = (Date.now() - changedAt) / 1000
          assert.ok(tookS <= 60, `ticket #${ticketId} reached the dashboard after ${tookS} s`)
          // the figures include a ticket made `tookS` ago: the last check cannot be older than that
          const ago = await updatedSecondsAgo(frame)
          assert.ok(
            ago !== null && ago <= tookS + 2,
            `"updated ${ago} s ago" ${tookS} s after the change`,
          )
        }
        // with nothing new, the polls go on and the label follows them
        await wait(50_000)
        for (const { frame } of boards) {
          const ago = await updatedSecondsAgo(frame)
          assert.ok(ago !== null && ago <= 47, `"updated ${ago} s ago" with a poll every 40 s`)
        }
        for (const { errors } of boards) {
          assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
        }
      } finally {
        await Promise.all(boards.map(({ context }) => context.close()))
      }
    },
  },
]

type Open = { status: string; assignee_id: number | null }

type SlaTicket = {
  id: number
  requester_id: number
  tags?: string[]
  slas?: { policy_metrics?: { metric: string; stage: string; breach_at: string | null }[] }
}

export const BACKGROUND_TESTS: E2eTest[] = [
  {
    name: 'a second workspace tab does not start a second sync, and takes over when the first closes',
    async run(ctx) {
      const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 } })
      try {
        const first = await openTab(context, `${ctx.url}/?role=admin`)
        await until('the first tab exports', () => first.exports() > 0, TIMEOUT)
        const second = await openTab(context, `${ctx.url}/?role=admin`)
        const before = first.exports()
        // the export is spaced 6 s apart: in 20 s a second sync would have sent three pages
        await wait(20_000)
        assert.ok(first.exports() > before, 'the leader tab kept syncing')
        assert.equal(second.exports(), 0, 'the second tab sent export requests of its own')
        await first.page.close()
        await until('the second tab takes over', () => second.exports() > 0, 30_000)
        assert.deepEqual(second.errors, [], `console errors:\n${second.errors.join('\n')}`)
      } finally {
        await context.close()
      }
    },
  },
]

/**
 * Not in BACKGROUND_TESTS yet: the demo account has no open ticket of a workspace role (agent, lead,
 * admin) that stays open up to its SLA breach as the clock moves (its simulated agents always reply
 * or solve first), so it fails with "no open ticket … stays open to its SLA breach". It passes its
 * search, clock and tag steps; register it once the simulator plants such a ticket.
 */
export const SLA_WARNING_TEST: E2eTest = {
  name: 'the assignee sees an SLA warning when the clock is moved to just before a VIP breach',
  async run(ctx) {
    // every workspace role is an assignee; whichever has a ticket that stays open to its breach
    const candidates: { role: string; me: number; ticket: SlaTicket; breachAt: number }[] = []
    let now = 0
    for (const role of ['agent', 'lead', 'admin']) {
      const config = await json<{ currentUser: { id: number }; account: { now: string } }>(
        ctx,
        `/workspace/api/config?role=${role}`,
      )
      const me = config.currentUser.id
      now = Date.parse(config.account.now)
      const query = encodeURIComponent(`type:ticket assignee:${me} status<solved`)
      const found = await apiGet<{ results: { id: number }[] }>(
        ctx,
        role,
        `/api/v2/search.json?query=${query}&per_page=100`,
      )
      if (found.results.length === 0) continue
      const ids = found.results.map((r) => r.id).join(',')
      const { tickets } = await apiGet<{ tickets: SlaTicket[] }>(
        ctx,
        role,
        `/api/v2/tickets/show_many.json?ids=${ids}&include=slas`,
      )
      for (const t of tickets) {
        for (const m of t.slas?.policy_metrics ?? []) {
          if (m.stage !== 'active' || m.breach_at === null) continue
          const breachAt = Date.parse(m.breach_at)
          if (breachAt > now + 20 * MINUTE) candidates.push({ role, me, ticket: t, breachAt })
        }
      }
    }
    candidates.sort((a, b) => a.breachAt - b.breachAt)
    // the simulated account lives on as its clock moves (agents reply, solve, reassign): move to
    // 10 minutes before each candidate's breach, soonest first, until one is still due then
    let clock = now
    let target: (typeof candidates)[number] | undefined
    for (const candidate of candidates) {
      const minutes = Math.floor((candidate.breachAt - clock) / MINUTE) - 10
      if (minutes < 0) continue
      const moved = await json<{ now: string }>(ctx, '/workspace/api/clock', {
        method: 'POST',
        body: JSON.stringify({ minutes }),
      })
      clock = Date.parse(moved.now)
      const { tickets: again } = await apiGet<{ tickets: (SlaTicket & Open)[] }>(
        ctx,
        candidate.role,
        `/api/v2/tickets/show_many.json?ids=${candidate.ticket.id}&include=slas`,
      )
      const t = again[0]
      const stillDue = (t?.slas?.policy_metrics ?? []).some(
        (m) => m.stage === 'active' && m.breach_at !== null && Date.parse(m.breach_at) > clock,
      )
      if (
        t !== undefined &&
        t.assignee_id === candidate.me &&
        !['solved', 'closed'].includes(t.status) &&
        stillDue
      ) {
        target = { ...candidate, ticket: t }
        break
      }
    }
    assert.ok(
      target !== undefined,
      'no open ticket of any workspace role stays open to its SLA breach',
    )
    // make its requester's ticket VIP whatever the requester's value: a tier tag counts
    await json(ctx, `/workspace/api/ticket?id=${target.ticket.id}`, {
      method: 'PUT',
      body: JSON.stringify({ tags: [...(target.ticket.tags ?? []), 'vip_platinum'] }),
    })

    const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 } })
    try {
      const { page, errors } = await openTab(context, `${ctx.url}/?role=${target.role}`)
      const toast = page.locator('.toast', { hasText: `#${target.ticket.id}` })
      await toast.first().waitFor({ state: 'attached', timeout: 60_000 })
      const text = await toast.first().textContent()
      assert.match(text ?? '', /VIP ticket #\d+ breaches its SLA in \d+ min\./)
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  },
}
