// Browser tests of the ticket sidebar in the local agent workspace (run by scripts/e2e.ts with the
// workspace tests), on demo tickets of the 20,000-ticket account at its clock (2026-10-31 23:59:59):
// a Gold customer with a live SLA, a new customer, the customer with the highest churn risk among
// the unsolved tickets; the account's clock in the first render of a sidebar opened after the
// background's first answers; the score written to the ticket field and the list sorted by it;
// keyboard use and an axe-core scan of the 320-px sidebar. Scenarios the demo account lacks are made at test
// time through the simulator's API (sim/workspace/scenarios.ts): anonymous, deleted and suspended
// requesters, and a Platinum ticket about to breach its SLA (that one moves the clock: it runs last).
import assert from 'node:assert/strict'

import type { Frame, Page } from 'playwright-core'

import { CLOCK_STORAGE_KEY } from '../../src/zendesk/hooks/serverClock'
import {
  advanceClock,
  createAnonymousRequesterTicket,
  createDeletedRequesterTicket,
  createSuspendedRequesterTicket,
  createVipTicketWithRunningSla,
} from '../../sim/workspace/scenarios'
import { collectErrors, locationFrame } from './browser'
import type { E2eContext, E2eTest } from './workspace.e2e'

const TIMEOUT = 30_000

/** Demo tickets (seed 1): a Gold requester's high-priority ticket, a first-time requester, churn. */
export const DEMO_TICKETS = { gold: 19987, newCustomer: 19965, churn: 19767 } as const

type Sidebar = { page: Page; frame: Frame; errors: string[] }

async function openSidebar(ctx: E2eContext, ticket: number, role = 'agent'): Promise<Sidebar> {
  const page = await ctx.browser.newPage({ viewport: { width: 1024, height: 900 } })
  page.setDefaultTimeout(TIMEOUT)
  const errors = collectErrors(page)
  await page.goto(`${ctx.url}/?ticket=${ticket}&role=${role}`)
  const frame = await locationFrame(page, 'ticket_sidebar')
  await frame.getByTestId('priority-score').waitFor()
  // the score is provisional until the requester's history and the baseline are in
  await frame.getByTestId('provisional').waitFor({ state: 'detached' })
  return { page, frame, errors }
}

async function text(frame: Frame, testId: string): Promise<string> {
  return ((await frame.getByTestId(testId).first().textContent()) ?? '').trim()
}

/** What the sidebar shows at a glance. */
async function glance(frame: Frame) {
  const score = Number(await text(frame, 'priority-score'))
  assert.ok(score >= 0 && score <= 100, `score ${score}`)
  const level = await text(frame, 'priority-level')
  assert.match(level, /^(Critical|High|Normal|Low)$/)
  const reasons = await frame.getByTestId('top-reasons').locator('li').allTextContents()
  assert.equal(reasons.length, 2, `reasons: ${reasons.join(' | ')}`)
  for (const r of reasons) assert.doesNotMatch(r, /reason\.|\{\{|undefined|NaN/)
  return {
    score,
    level,
    reasons,
    tier: await text(frame, 'vip-tier'),
    churn: await text(frame, 'churn-risk'),
    value: await text(frame, 'customer-value'),
  }
}

async function json<T>(ctx: E2eContext, path: string): Promise<T> {
  const res = await fetch(`${ctx.url}${path}`)
  assert.ok(res.ok, `${path}: HTTP ${res.status}`)
  return (await res.json()) as T
}

function noErrors(errors: string[]): void {
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
}

async function axeScan(frame: Frame): Promise<string[]> {
  await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return frame.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: unknown[] }[] }
    const { axe } = window as unknown as {
      axe: { run: (ctx: Document, opts: object) => Promise<Result> }
    }
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`)
  })
}

async function agentId(ctx: E2eContext): Promise<number> {
  const config = await json<{ currentUser: { id: number } }>(
    ctx,
    '/workspace/api/config?role=agent',
  )
  return config.currentUser.id
}

/**
 * A ticket whose requester the app cannot assess (made at test time through the simulator's API):
 * the sidebar says why in a warning and still scores the ticket, the value an estimate.
 */
function requesterStateTest(
  state: 'Anonymous' | 'Deleted' | 'Suspended',
  make: (ctx: E2eContext) => Promise<{ ticketId: number }>,
): E2eTest {
  return {
    name: `sidebar: ${state.toLowerCase()} requester: a warning says so and the ticket is still scored`,
    async run(ctx) {
      const { ticketId } = await make(ctx)
      const { page, frame, errors } = await openSidebar(ctx, ticketId)
      try {
        await frame.getByText(`${state} requester`, { exact: true }).waitFor()
        const seen = await glance(frame)
        assert.match(seen.value, /Estimate from support history/)
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  }
}

/** scripts/e2e.ts gives a test `timeoutMs` when it has one (the default otherwise). */
type TimedTest = E2eTest & { timeoutMs?: number }

export const SIDEBAR_TESTS: TimedTest[] = [
  {
    name: "sidebar: opened after the background's first answers, it counts on the account's clock from its first render",
    async run(ctx) {
      const page = await ctx.browser.newPage({ viewport: { width: 1024, height: 900 } })
      page.setDefaultTimeout(TIMEOUT)
      const errors = collectErrors(page)
      try {
        // every frame keeps the first SLA countdown it shows
        await page.addInitScript(() => {
          const w = window as unknown as { rrFirstSla?: string }
          new MutationObserver(() => {
            const sla = document.querySelector('[data-testid="sla-countdown"]')
            if (w.rrFirstSla === undefined && sla !== null) w.rrFirstSla = sla.textContent
          }).observe(document, { subtree: true, childList: true })
        })
        // the ticket list first: the background location starts and its answers carry the
        // account's clock (a month and more behind this computer's) in their Date headers
        await page.goto(`${ctx.url}/?role=agent`)
        const background = await locationFrame(page, 'background')
        await background.waitForFunction(
          (key) => sessionStorage.getItem(key) !== null,
          CLOCK_STORAGE_KEY,
        )
        // then a ticket in the same tab: its first render, provisional, already counts on that clock
        await page.goto(`${ctx.url}/?ticket=${DEMO_TICKETS.gold}&role=agent`)
        const frame = await locationFrame(page, 'ticket_sidebar')
        await frame.getByTestId('priority-score').waitFor()
        await frame.getByTestId('provisional').waitFor({ state: 'detached' })
        const first = await frame.evaluate(
          () => (window as unknown as { rrFirstSla?: string }).rrFirstSla,
        )
        assert.equal(first, await text(frame, 'sla-countdown'))
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'sidebar: a Gold customer: score, tier, reasons, SLA, the score field written and sorted',
    async run(ctx) {
      const { page, frame, errors } = await openSidebar(ctx, DEMO_TICKETS.gold)
      try {
        const seen = await glance(frame)
        assert.equal(seen.tier, 'Gold')
        assert.match(seen.value, /^\$[\d,]+(\.\d+)?From the field user\.lifetime_value$/)
        assert.match(await text(frame, 'sla-countdown'), /^SLA (breach in|breached) .+/)
        // the score lands in the "Retention priority score" field and the list sorts by it
        const field = Math.round(seen.score)
        let stored: number | null = null
        for (let i = 0; i < 50 && stored !== field; i++) {
          const { ticket } = await json<{ ticket: { customFields: { value: unknown }[] } }>(
            ctx,
            `/workspace/api/ticket?id=${DEMO_TICKETS.gold}`,
          )
          stored = ticket.customFields.map((f) => Number(f.value)).find((v) => v === field) ?? null
          if (stored !== field) await page.waitForTimeout(200)
        }
        assert.equal(stored, field, 'the score field holds the score')
        const list = await json<{ rows: { id: number; score: number | null }[] }>(
          ctx,
          '/workspace/api/tickets?sort=score&dir=desc&limit=50',
        )
        const scores = list.rows.map((r) => r.score ?? -1)
        assert.deepEqual(
          scores,
          [...scores].sort((a, b) => b - a),
          'sorted by score',
        )
        assert.equal(list.rows.find((r) => r.id === DEMO_TICKETS.gold)?.score, field)
        // a lower priority in the form: the SLA target moves and the score follows at once
        await page.selectOption('select[data-field="priority"]', 'low')
        await frame
          .getByTestId('sla-countdown')
          .getByText(/^SLA breach in /)
          .waitFor()
        const after = Number(await text(frame, 'priority-score'))
        assert.ok(after < seen.score, `score ${seen.score} → ${after}`)
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'sidebar: a new customer has no earlier tickets and a Standard tier',
    async run(ctx) {
      const { page, frame, errors } = await openSidebar(ctx, DEMO_TICKETS.newCustomer)
      try {
        const seen = await glance(frame)
        assert.equal(seen.tier, 'Standard')
        await frame.getByTestId('new-customer').waitFor()
        assert.match(await text(frame, 'ticket-count'), /^1 ticket · 1 open$/)
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'sidebar: the churn-risk customer shows the risk and its factor in the breakdown',
    async run(ctx) {
      const { page, frame, errors } = await openSidebar(ctx, DEMO_TICKETS.churn, 'lead')
      try {
        const seen = await glance(frame)
        assert.match(seen.churn, /^(Low|Medium|High) \(\d+%\)$/)
        await frame.getByRole('button', { name: 'Why this score?' }).click()
        const factors = await frame.getByTestId('why-factors').locator('li').allTextContents()
        assert.equal(factors.length, 8)
        const churn = factors.find((f) => f.startsWith('Churn risk'))
        assert.ok(churn !== undefined && /Churn risk \d+%/.test(churn), `churn factor: ${churn}`)
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'sidebar: keyboard only, and no serious or critical axe violation at 320 px',
    async run(ctx) {
      const { page, frame, errors } = await openSidebar(ctx, DEMO_TICKETS.gold)
      try {
        const width = await frame.evaluate(() => document.documentElement.clientWidth)
        assert.ok(width <= 320, `sidebar width ${width}`)
        const why = frame.getByTestId('why-toggle')
        await why.focus()
        await page.keyboard.press('Enter')
        assert.equal(await why.getAttribute('aria-expanded'), 'true')
        // the latest tickets are buttons in the tab order; Enter opens one with routeTo
        const first = frame.getByTestId('history').getByRole('button').first()
        const label = (await first.textContent()) ?? ''
        const id = Number(/^#(\d+)/.exec(label)?.[1])
        await first.focus()
        await page.keyboard.press('Enter')
        await page.waitForFunction(
          (t) => new URL(location.href).searchParams.get('ticket') === t,
          String(id),
        )
        noErrors(errors)
      } finally {
        await page.close()
      }
      const again = await openSidebar(ctx, DEMO_TICKETS.gold)
      try {
        const violations = await axeScan(again.frame)
        assert.deepEqual(violations, [], `axe: ${violations.join(', ')}`)
      } finally {
        await again.page.close()
      }
    },
  },
  requesterStateTest('Anonymous', (ctx) => createAnonymousRequesterTicket(ctx.url)),
  requesterStateTest('Deleted', (ctx) => createDeletedRequesterTicket(ctx.url)),
  requesterStateTest('Suspended', (ctx) => createSuspendedRequesterTicket(ctx.url)),
  {
    // Last in the group: it moves the account's clock.
    name: 'sidebar: a Platinum ticket about to breach: the countdown, then the SLA warning banner once the clock passes the warning point',
    timeoutMs: 4 * 60_000,
    async run(ctx) {
      const vip = await createVipTicketWithRunningSla(ctx.url, {
        tier: 'platinum',
        minutesToBreach: 50,
        assigneeId: await agentId(ctx),
      })
      const { page, frame, errors } = await openSidebar(ctx, vip.ticketId)
      try {
        await glance(frame)
        // 50 minutes left: outside the 30-minute warning window, so a countdown and no banner
        assert.match(await text(frame, 'sla-countdown'), /^SLA breach in (49|50) min$/)
        assert.equal(await frame.getByTestId('sla-warning').count(), 0, 'no banner yet')
        await advanceClock(ctx.url, 25)
        // the background's next poll warns; the banner counts down on the sidebar's clock
        await frame.getByTestId('sla-warning').waitFor({ timeout: 90_000 })
        assert.match(
          await text(frame, 'sla-warning'),
          /^(Gold|Platinum) customer: SLA about to breach.*First reply: breach in \d+ min/,
        )
        noErrors(errors)
      } finally {
        await page.close()
      }
    },
  },
]
