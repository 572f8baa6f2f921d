// Browser tests of the background location in the local agent workspace (run by scripts/e2e.ts with
// the workspace tests): one team sync however many workspace tabs are open; an SLA warning for the
// assignee just before a VIP ticket breaches (a ticket planted through the simulator, the account
// clock moved); and, on a smaller account, a change made in Zendesk reaching open dashboards.
import assert from 'node:assert/strict'

import type { BrowserContext, Frame, Page } from 'playwright-core'

import {
  createTicket,
  createVipTicketWithRunningSla,
  requestersByTier,
  zendesk,
} from '../../sim/workspace/scenarios'
import { collectErrors, locationFrame } from './browser'
import type { E2eContext, E2eTest } from './workspace.e2e'

const TIMEOUT = 30_000
const MINUTE = 60_000

async function json<T>(ctx: E2eContext, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${ctx.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  })
  assert.ok(res.ok, `${path}: HTTP ${res.status}`)
  return (await res.json()) as T
}

const toastLog = new WeakMap<Page, string[]>()

/** Every toast a tab opened with `openTab` has shown, in order (also those already removed). */
function toastsOf(page: Page): string[] {
  return toastLog.get(page) ?? []
}

/** The workspace user id of `role`. */
async function userOf(ctx: E2eContext, role: string): Promise<number> {
  const config = await json<{ currentUser: { id: number } }>(
    ctx,
    `/workspace/api/config?role=${role}`,
  )
  return config.currentUser.id
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
  // the host removes a toast after 5 s: every one shown is recorded as it appears
  const toasts: string[] = []
  toastLog.set(page, toasts)
  await page.exposeFunction('__recordToast', (text: string) => toasts.push(text))
  await page.addInitScript(() => {
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        for (const node of m.addedNodes) {
          if (node instanceof HTMLElement && node.classList.contains('toast')) {
            void (window as unknown as { __recordToast: (t: string) => void }).__recordToast(
              node.textContent,
            )
          }
        }
      }
    }).observe(document, { childList: true, subtree: true })
  })
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
): Promise<{ context: BrowserContext; frame: Frame; errors: string[]; role: string }> {
  const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 900 } })
  const { page, errors } = await openTab(context, `${ctx.url}/?nav=1&role=${role}`)
  const frame = await locationFrame(page, 'nav_bar')
  return { context, frame, errors, role }
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

/**
 * Waits until the created figure reads `expected` or `deadline` passes; `timeline` lists each
 * change of the figure and the status line, with the seconds since the wait began.
 */
async function untilFigure(
  frame: Frame,
  expected: number,
  deadline: number,
): Promise<{ reached: boolean; timeline: string[] }> {
  const started = Date.now()
  const timeline: string[] = []
  let last = ''
  for (;;) {
    const figure = await createdFigure(frame)
    const status = (await frame.locator('[data-sync]').first().textContent()) ?? ''
    const now = `${CREATED}=${figure} · ${status}`
    if (now !== last) timeline.push(`  +${((Date.now() - started) / 1000).toFixed(1)} s ${now}`)
    last = now
    if (figure === expected) return { reached: true, timeline }
    if (Date.now() > deadline) return { reached: false, timeline }
    await wait(250)
  }
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
        // both boards are watched at once, so a slow one is named with what it showed meanwhile
        await Promise.all(
          boards.map(async ({ frame, role }, i) => {
            const expected = (before[i] ?? 0) + 1
            const seen = await untilFigure(frame, expected, changedAt + MINUTE)
            const tookS = (Date.now() - changedAt) / 1000
            assert.ok(
              seen.reached,
              `${role}: ticket #${ticketId} not on the dashboard (${CREATED} ${before[i]} → ${expected}) within 60 s; it showed:\n${seen.timeline.join('\n')}`,
            )
            // the figures include a ticket made `tookS` ago: the last check cannot be older than that
            const ago = await updatedSecondsAgo(frame)
            assert.ok(
              ago !== null && ago <= tookS + 2,
              `${role}: "updated ${ago} s ago" ${tookS} s after the change`,
            )
          }),
        )
        // with nothing new, the polls go on and the label follows them
        await wait(50_000)
        for (const { frame, role } of boards) {
          const ago = await updatedSecondsAgo(frame)
          assert.ok(
            ago !== null && ago <= 47,
            `${role}: "updated ${ago} s ago" with a poll every 40 s`,
          )
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

export const BACKGROUND_TESTS: TimedTest[] = [
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
  {
    name: 'the assignee sees an SLA warning when the clock is moved to just before a VIP breach, once, and the new assignee after a reassignment',
    timeoutMs: 4 * MINUTE,
    async run(ctx) {
      const agent = await userOf(ctx, 'agent')
      // a Platinum customer's (as the simulator tiers them) urgent ticket for the agent, the clock
      // moved to 20 minutes before its first reply breach: inside the default 30-minute window
      const vip = await createVipTicketWithRunningSla(ctx.url, {
        tier: 'platinum',
        minutesToBreach: 20,
        assigneeId: agent,
      })
      const warning = new RegExp(`^VIP ticket #${vip.ticketId} breaches its SLA in (19|20) min\\.$`)
      const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 } })
      try {
        const { page, errors } = await openTab(context, `${ctx.url}/?role=agent`)
        // the host's notify toast, from the background of the agent's tab
        await until('the warning toast', () => toastsOf(page).some((t) => warning.test(t)), MINUTE)
        // the banner in that ticket's sidebar
        await page.goto(`${ctx.url}/?ticket=${vip.ticketId}&role=agent`)
        const sidebar = await locationFrame(page, 'ticket_sidebar')
        // the tier as the app reads it (the simulator's tiers and the app's may differ by one)
        await sidebar
          .getByText(/^(Gold|Platinum) customer: SLA about to breach$/)
          .waitFor({ timeout: MINUTE })
        await sidebar.getByText(/First reply: breach in/).waitFor()
        // once: the reloaded workspace polls again at once (it leads) and does not warn again
        const before = toastsOf(page).length
        await page.goto(`${ctx.url}/?role=agent`)
        await wait(15_000)
        assert.deepEqual(
          toastsOf(page)
            .slice(before)
            .filter((t) => warning.test(t)),
          [],
        )
        assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
      } finally {
        await context.close()
      }
      // reassigned to the team lead: the new assignee is warned in turn, in their own browser
      await zendesk(ctx.url, 'PUT', `/api/v2/tickets/${vip.ticketId}`, {
        ticket: { assignee_id: await userOf(ctx, 'lead') },
      })
      const leadContext = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 } })
      try {
        const { page } = await openTab(leadContext, `${ctx.url}/?role=lead`)
        await until(
          "the new assignee's toast",
          () => toastsOf(page).some((t) => warning.test(t)),
          MINUTE,
        )
      } finally {
        await leadContext.close()
      }
    },
  },
]
