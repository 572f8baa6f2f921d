// Browser tests of the app in the local agent workspace (run by scripts/e2e.ts, not jest): the
// built app, served by zcli, hosted by the workspace page, on the simulated demo account.
import assert from 'node:assert/strict'

import type { Browser, Page } from 'playwright-core'

import { collectErrors, locationFrame } from './browser'

export type E2eContext = { browser: Browser; url: string }

export type E2eTest = { name: string; run: (ctx: E2eContext) => Promise<void> }

const TIMEOUT = 30_000

/** A fresh page at 1024×768 whose console errors the test checks at its end. */
async function open(ctx: E2eContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.browser.newPage({ viewport: { width: 1024, height: 768 } })
  page.setDefaultTimeout(TIMEOUT)
  const errors = collectErrors(page)
  await page.goto(`${ctx.url}${path}`)
  return { page, errors }
}

/** No console errors in any frame, and no location the workspace reported as failed. */
async function noErrors(page: Page, errors: string[]): Promise<void> {
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  const failed = await page.evaluate(() => window.__workspace?.errors ?? [])
  assert.deepEqual(failed, [], `locations failed:\n${failed.join('\n')}`)
}

async function json<T>(ctx: E2eContext, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${ctx.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  })
  assert.ok(res.ok, `${path}: HTTP ${res.status}`)
  return (await res.json()) as T
}

/** Back to the manifest defaults, so one test's settings never leak into the next. */
async function resetSettings(ctx: E2eContext): Promise<void> {
  await json(ctx, '/workspace/api/settings', {
    method: 'PUT',
    body: JSON.stringify({ settings: {} }),
  })
}

const NO_ACCESS = 'Team KPIs are visible to these roles'

export const TESTS: E2eTest[] = [
  {
    name: 'the background location syncs team data into IndexedDB',
    async run(ctx) {
      const { page, errors } = await open(ctx, '/?role=admin')
      try {
        const background = await locationFrame(page, 'background')
        // The first incremental export page (1,000 tickets) lands within seconds.
        await background.waitForFunction(
          async () => {
            const names = (await indexedDB.databases()).map((d) => d.name ?? '')
            const name = names.find((n) => n.startsWith('retention-radar-sync-'))
            if (name === undefined) return false
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const req = indexedDB.open(name)
              req.onsuccess = () => resolve(req.result)
              req.onerror = () => reject(new Error(String(req.error)))
            })
            if (!db.objectStoreNames.contains('tickets')) return false
            const count = await new Promise<number>((resolve) => {
              const req = db.transaction('tickets').objectStore('tickets').count()
              req.onsuccess = () => resolve(req.result)
            })
            db.close()
            return count >= 1000
          },
          undefined,
          { polling: 500, timeout: TIMEOUT },
        )
        await noErrors(page, errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'the sidebar shows the requester of several tickets, in a 320 px tray',
    async run(ctx) {
      const list = await json<{ rows: { id: number }[] }>(ctx, '/workspace/api/tickets?limit=2')
      const ids = [1, 5, ...list.rows.map((r) => r.id)]
      assert.equal(ids.length, 4)
      const { page, errors } = await open(ctx, `/?ticket=${ids[0]}`)
      try {
        for (const [i, id] of ids.entries()) {
          // The first ticket by URL, the others by routing inside the page (routeTo-like).
          if (i > 0)
            await page.evaluate((n) => window.history.pushState(null, '', `?ticket=${n}`), id)
          if (i > 0) await page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')))
          await page.waitForSelector(`#ticket-subject:has-text("#${id} ")`)
          const { ticket } = await json<{ ticket: { requester: { name: string } } }>(
            ctx,
            `/workspace/api/ticket?id=${id}`,
          )
          const frame = await locationFrame(page, 'ticket_sidebar')
          const name = frame.getByTestId('requester-name')
          await name.waitFor()
          assert.equal(await name.textContent(), ticket.requester.name, `ticket ${id}`)
          assert.equal(await page.locator('iframe[data-location="ticket_sidebar"]').count(), 1)
        }
        const box = await page.locator('iframe[data-location="ticket_sidebar"]').boundingBox()
        assert.ok(box && box.width <= 320 && box.width >= 300, `sidebar width ${box?.width}`)
        const height = await page
          .locator('iframe[data-location="ticket_sidebar"]')
          .evaluate((el: HTMLIFrameElement) => el.style.height)
        assert.match(height, /^\d+px$/, 'the app resized its frame with invoke("resize")')
        await noErrors(page, errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'the nav-bar icon opens the dashboard (admin)',
    async run(ctx) {
      const { page, errors } = await open(ctx, '/')
      try {
        await page.waitForSelector('#ticket-rows tr')
        assert.equal(await page.locator('iframe[data-location="nav_bar"]').count(), 0)
        await page.click('#nav-app-button')
        const frame = await locationFrame(page, 'nav_bar')
        await frame.getByRole('heading', { name: 'Team dashboard' }).waitFor()
        await frame.locator('[data-kpi="tickets.created"]').waitFor()
        assert.equal(await frame.getByText(NO_ACCESS).count(), 0)
        assert.match(page.url(), /\?nav=1$/)
        await noErrors(page, errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'an agent without KPI rights cannot see team KPIs; a team lead can',
    async run(ctx) {
      const agent = await open(ctx, '/?nav=1&role=agent')
      try {
        const frame = await locationFrame(agent.page, 'nav_bar')
        await frame.getByText(NO_ACCESS).waitFor()
        await noErrors(agent.page, agent.errors)
      } finally {
        await agent.page.close()
      }
      const lead = await open(ctx, '/?nav=1&role=lead')
      try {
        const frame = await locationFrame(lead.page, 'nav_bar')
        // the team's figures: what an allowed user sees ("Signed in as" is in the refusal too)
        await frame.locator('[data-kpi="tickets.created"]').waitFor()
        assert.equal(await frame.getByText(NO_ACCESS).count(), 0)
        await noErrors(lead.page, lead.errors)
      } finally {
        await lead.page.close()
      }
    },
  },
  {
    name: 'client.request reaches the simulator as the signed-in role; triggers reach other instances',
    async run(ctx) {
      // An unsolved ticket: closed ones refuse API updates, as on Zendesk.
      const { rows } = await json<{ rows: { id: number }[] }>(ctx, '/workspace/api/tickets?limit=1')
      const ticketId = rows[0]?.id ?? 1
      const { page, errors } = await open(ctx, `/?ticket=${ticketId}&role=agent`)
      try {
        const sidebar = await locationFrame(page, 'ticket_sidebar')
        await sidebar.getByTestId('requester-name').waitFor()
        const background = await locationFrame(page, 'background')
        const email = await sidebar.evaluate(async () => {
          const client = (
            window as unknown as { ZAFClient: { init: () => ZafLike } }
          ).ZAFClient.init()
          const data = (await client.request({ url: '/api/v2/users/me.json' })) as {
            user: { email: string }
          }
          return data.user.email
        })
        assert.equal(email, 'agent2@retention-radar.example')
        // A write through the API shows up in the open ticket at once.
        await sidebar.evaluate(async (id) => {
          const client = (
            window as unknown as { ZAFClient: { init: () => ZafLike } }
          ).ZAFClient.init()
          await client.request({
            url: `/api/v2/tickets/${id}.json`,
            type: 'PUT',
            contentType: 'application/json',
            data: JSON.stringify({ ticket: { custom_fields: [{ id: 360009998, value: 42 }] } }),
          })
        }, ticketId)
        await page.waitForSelector('.fields li:has-text("custom_field_360009998 42")')
        await background.evaluate(() => {
          const client = (
            window as unknown as { ZAFClient: { init: () => ZafLike } }
          ).ZAFClient.init()
          client.on('e2e.ping', (data) => {
            ;(window as unknown as { e2ePing: unknown }).e2ePing = data
          })
        })
        await sidebar.evaluate(async () => {
          const client = (
            window as unknown as { ZAFClient: { init: () => ZafLike } }
          ).ZAFClient.init()
          const { instances } = (await client.get('instances')) as unknown as {
            instances: Record<string, { location: string }>
          }
          const guid = Object.keys(instances).find((g) => instances[g]?.location === 'background')
          if (guid === undefined) throw new Error('no background instance')
          client.instance(guid).trigger('e2e.ping', { from: 'sidebar' })
        })
        await background.waitForFunction(
          () => (window as unknown as { e2ePing?: { from: string } }).e2ePing?.from === 'sidebar',
        )
        await noErrors(page, errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'ticket edits fire ticket.*.changed; notify and routeTo act on the workspace',
    async run(ctx) {
      const { page, errors } = await open(ctx, '/?ticket=1')
      try {
        const sidebar = await locationFrame(page, 'ticket_sidebar')
        await sidebar.getByTestId('requester-name').waitFor()
        await sidebar.evaluate(() => {
          const client = (
            window as unknown as { ZAFClient: { init: () => ZafLike } }
          ).ZAFClient.init()
          const seen: unknown[] = []
          ;(window as unknown as { e2eSeen: unknown[] }).e2eSeen = seen
          client.on('ticket.priority.changed', (data) => seen.push(data))
          client.on('*.changed', (data) => seen.push(data))
        })
        // The subscriptions reach the host after registration; wait for them, then edit.
        await page.waitForFunction(() =>
          (window.__workspace?.events ?? []).some(
            (e) => e.kind === 'subscribed' && e.event === '*.changed',
          ),
        )
        await page.selectOption('select[data-field="priority"]', 'urgent')
        // Only the priority events: the app may also rewrite its score field after the edit.
        const seen = await sidebar.waitForFunction(() => {
          const s = (window as unknown as { e2eSeen: { propertyName?: string }[] }).e2eSeen.filter(
            (e) => e.propertyName === 'ticket.priority',
          )
          return s.length >= 2 ? s : false
        })
        assert.deepEqual(await seen.jsonValue(), [
          { propertyName: 'ticket.priority', newValue: 'urgent' },
          { propertyName: 'ticket.priority', newValue: 'urgent' },
        ])
        // Submit saves through the simulator (the save hook itself is unit-tested: a test client
        // here would share the frame with the app's own client, which answers first).
        await page.click('.ticket-toolbar button.primary')
        await page.waitForSelector('.toast:has-text("Ticket #1 updated")')
        await sidebar.evaluate(async () => {
          const client = (
            window as unknown as { ZAFClient: { init: () => ZafLike } }
          ).ZAFClient.init()
          await client.invoke('notify', 'Saved by the app', 'success')
          await client.invoke('routeTo', 'ticket', 5)
        })
        await page.waitForSelector('.toast:has-text("Saved by the app")')
        await page.waitForSelector('#ticket-subject:has-text("#5 ")')
        assert.match(page.url(), /\?ticket=5$/)
        await noErrors(page, errors)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'the settings panel changes the installation settings and reloads the app',
    async run(ctx) {
      const { page, errors } = await open(ctx, '/?nav=1&role=agent')
      try {
        await (await locationFrame(page, 'nav_bar')).getByText(NO_ACCESS).waitFor()
        await page.click('#settings-toggle')
        await page.fill('#setting-kpiRoles', 'admin, Team lead, agent')
        await Promise.all([
          page.waitForEvent('load'),
          page.click('#settings-form button[type=submit]'),
        ])
        const frame = await locationFrame(page, 'nav_bar')
        // the team's figures: what an allowed user sees ("Signed in as" is in the refusal too)
        await frame.locator('[data-kpi="tickets.created"]').waitFor()
        assert.equal(await frame.getByText(NO_ACCESS).count(), 0)
        await noErrors(page, errors)
      } finally {
        await page.close()
        await resetSettings(ctx)
      }
    },
  },
  {
    name: 'the clock control advances account time; the list sorts by the score field',
    async run(ctx) {
      const { page, errors } = await open(ctx, '/')
      try {
        await page.waitForSelector('#ticket-rows tr')
        const before = await page.textContent('#clock-now')
        await page.click('[data-advance="1440"]')
        await page.waitForFunction(
          (b) => document.querySelector('#clock-now')?.textContent !== b,
          before,
        )
        const after = (await page.textContent('#clock-now')) ?? ''
        assert.match(after, /^2026-11-01 23:59:59/)
        // A score written to a custom field (as the app will) sorts the list.
        const field = 360_009_999
        const { rows } = await json<{ rows: { id: number }[] }>(
          ctx,
          '/workspace/api/tickets?limit=3',
        )
        const target = rows[2]?.id ?? 1
        await json(ctx, `/workspace/api/ticket?id=${target}`, {
          method: 'PUT',
          body: JSON.stringify({ customFields: [{ id: field, value: 97 }] }),
        })
        await json(ctx, '/workspace/api/settings', {
          method: 'PUT',
          body: JSON.stringify({ settings: { scoreFieldId: String(field) } }),
        })
        await page.reload()
        await page.click('[data-sort="score"]')
        await page.waitForSelector(`#ticket-rows tr:first-child a[data-ticket="${target}"]`)
        assert.equal(await page.textContent('#ticket-rows tr:first-child td.num'), '97')
        await noErrors(page, errors)
      } finally {
        await page.close()
        await resetSettings(ctx)
      }
    },
  },
  {
    name: 'a location that fails to load shows its error instead of a blank pane',
    async run(ctx) {
      const page = await ctx.browser.newPage({ viewport: { width: 1024, height: 768 } })
      page.setDefaultTimeout(TIMEOUT)
      try {
        // zcli answers unknown assets with 404 (and CORS headers, like everything it serves).
        await page.route('**/nav_bar.html*', (route) =>
          route.fulfill({
            status: 404,
            body: 'gone',
            contentType: 'text/plain',
            headers: { 'access-control-allow-origin': '*' },
          }),
        )
        await page.route('**/zaf_sdk.min.js', (route) =>
          route.fulfill({ status: 404, body: '', contentType: 'text/plain' }),
        )
        await page.goto(`${ctx.url}/?nav=1`)
        await page.waitForSelector('.app-frame-nav_bar .frame-status.is-error:has-text("HTTP 404")')
        await page.goto(`${ctx.url}/?ticket=1&handshakeTimeoutMs=2000`)
        await page.waitForSelector(
          '.app-frame-ticket_sidebar .frame-status.is-error:has-text("did not register")',
        )
      } finally {
        await page.close()
      }
    },
  },
]

type ZafLike = {
  invoke: (name: string, ...args: unknown[]) => Promise<unknown>
  request: (options: {
    url: string
    type?: string
    contentType?: string
    data?: unknown
  }) => Promise<unknown>
  get: (path: string) => Promise<Record<string, unknown>>
  on: (name: string, handler: (data: unknown) => unknown) => void
  instance: (guid: string) => { trigger: (name: string, data: unknown) => void }
}
