import { act, render, screen } from '@testing-library/react'

import { TicketSidebar } from '@/locations/ticket_sidebar/TicketSidebar'
import { AppShell } from '@/ui/AppShell'
import {
  prefetchSidebar,
  takePrefetchedBaseline,
  takePrefetchedHistory,
} from '@/zendesk/hooks/sidebarPrefetch'
import { closeNoticeSenders } from '@/zendesk/notices/channel'

import { createFakeZafClient } from '../../support/fakeZafClient'
import type { FakeZafClientOptions } from '../../support/fakeZafClient'
import type { FakeAccount } from './fakeAccount'
import { vipAccount, zendeskProxy } from './fakeAccount'

const HISTORY = /\/users\/42\/tickets\/requested/
const BASELINE = /custom_objects\/retention_radar_baseline/

function clientFor(account: FakeAccount, options: FakeZafClientOptions = {}) {
  return createFakeZafClient({
    values: {
      ...account.ticket,
      'ticket.requester.id': 42,
      'requirement:score_field': { requirement_id: 360_001, requirement_type: 'ticket_fields' },
      'ticket.customField:custom_field_360001': null,
    },
    context: { ticketId: 100 },
    request: zendeskProxy(account),
    ...options,
  })
}

const count = (account: FakeAccount, pattern: RegExp) =>
  account.requests.filter((r) => r.method === 'GET' && pattern.test(r.url)).length

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})
afterAll(() => closeNoticeSenders())

describe('prefetchSidebar', () => {
  it('starts the history and the baseline at registration, before any view asks', async () => {
    const account = vipAccount()
    const client = clientFor(account)
    prefetchSidebar(client)
    expect(account.requests).toHaveLength(0)
    await act(async () => {
      client.register()
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    expect(count(account, HISTORY)).toBe(1)
    expect(count(account, BASELINE)).toBe(1)
    // each answer is handed out once
    await expect(takePrefetchedHistory(client, 42)).resolves.toMatchObject({ totalTickets: 5 })
    expect(takePrefetchedHistory(client, 42)).toBeUndefined()
    await expect(takePrefetchedBaseline(client)).resolves.toMatchObject({ status: 'missing' })
    expect(takePrefetchedBaseline(client)).toBeUndefined()
  })

  it('lets the sidebar use the started reads: one history and one baseline request in all', async () => {
    const account = vipAccount()
    account.latencyMs = 30
    const client = clientFor(account)
    prefetchSidebar(client)
    render(
      <AppShell init={() => ({ kind: 'client', client })}>
        <TicketSidebar />
      </AppShell>,
    )
    await act(async () => {
      client.register()
      await Promise.resolve()
    })
    await screen.findByTestId('priority-score', {}, { timeout: 5000 })
    await screen.findByTestId('history', {}, { timeout: 5000 })
    expect(count(account, HISTORY)).toBe(1)
    expect(count(account, BASELINE)).toBe(1)
  })

  it('starts nothing for a ticket without a requester or a registration without context', async () => {
    const account = vipAccount()
    const client = clientFor(account, {
      values: { ...account.ticket, 'ticket.requester.id': null },
    })
    prefetchSidebar(client)
    await act(async () => {
      client.emit('app.registered', { nothing: true })
      client.register()
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    // the bad registration is skipped, the proper one starts the baseline only
    expect(count(account, BASELINE)).toBe(1)
    expect(count(account, HISTORY)).toBe(0)
    expect(takePrefetchedHistory(client, 42)).toBeUndefined()
  })

  it('leaves a requester the tab has cached to the cache', async () => {
    const account = vipAccount()
    const first = clientFor(account)
    prefetchSidebar(first)
    const view = render(
      <AppShell init={() => ({ kind: 'client', client: first })}>
        <TicketSidebar />
      </AppShell>,
    )
    await act(async () => {
      first.register()
      await Promise.resolve()
    })
    await screen.findByTestId('priority-score', {}, { timeout: 5000 })
    view.unmount()
    const again = clientFor(account)
    prefetchSidebar(again)
    await act(async () => {
      again.register()
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    expect(count(account, HISTORY)).toBe(1)
    expect(takePrefetchedHistory(again, 42)).toBeUndefined()
  })
})

describe('prefetchSidebar beside the SDK', () => {
  it('does not make the SDK skip the next app.registered listener', async () => {
    const account = vipAccount()
    const client = clientFor(account)
    // Like the ZAF SDK: handlers in an array, walked in place, `off` splices.
    const handlers: ((data?: unknown) => void)[] = []
    client.on = (name, handler) => {
      if (name === 'app.registered') handlers.push(handler)
    }
    client.off = (name, handler) => {
      const at = handlers.indexOf(handler)
      if (name === 'app.registered' && at >= 0) handlers.splice(at, 1)
    }
    prefetchSidebar(client)
    const provider = jest.fn()
    client.on('app.registered', provider)
    const data = { context: { account: { subdomain: 'demo' } }, metadata: { settings: {} } }
    await act(async () => {
      handlers.forEach((handler) => handler(data))
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    expect(provider).toHaveBeenCalledWith(data)
    // the prefetch's own listener is gone once registered
    expect(handlers).toEqual([provider])
  })
})
