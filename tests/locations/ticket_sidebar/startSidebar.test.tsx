import { act, render, screen, waitFor } from '@testing-library/react'

import { startSidebar } from '@/locations/ticket_sidebar/startSidebar'
import type { SidebarStart } from '@/locations/ticket_sidebar/startSidebar'
import { TicketSidebar } from '@/locations/ticket_sidebar/TicketSidebar'
import { AppShell } from '@/ui/AppShell'
import { formEditsOf } from '@/zendesk/actions'
import { queryKeys } from '@/zendesk/hooks/queryKeys'
import { sidebarApi, sidebarClock } from '@/zendesk/hooks/sidebarApi'
import { settingsOf } from '@/zendesk/hooks/useSettings'
import type { TicketState } from '@/zendesk/hooks/useTicketState'
import { closeNoticeSenders } from '@/zendesk/notices/channel'

import { createFakeZafClient } from '../../support/fakeZafClient'
import type { FakeZafClient, FakeZafClientOptions } from '../../support/fakeZafClient'
import { vipAccount, zendeskProxy } from './fakeAccount'

function sidebarClient(options: FakeZafClientOptions = {}): FakeZafClient {
  const account = vipAccount()
  return createFakeZafClient({
    values: account.ticket,
    context: { ticketId: 100 },
    request: zendeskProxy(account),
    ...options,
  })
}

/** Starts the sidebar on `client`; resolves with what it mounted with. */
function start(client: FakeZafClient, waitMs?: number) {
  const mounts: SidebarStart[] = []
  startSidebar({ kind: 'client', client }, (s) => mounts.push(s), waitMs)
  return mounts
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms))

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})
afterAll(() => closeNoticeSenders())

describe('startSidebar', () => {
  it('mounts once, after the registration, with the open ticket already in the cache', async () => {
    const client = sidebarClient()
    const mounts = start(client)
    await tick()
    expect(mounts).toHaveLength(0)
    client.register()
    client.register()
    await tick()
    expect(mounts).toHaveLength(1)
    const [{ init, queryClient }] = mounts as [SidebarStart]
    expect(init).toMatchObject({
      kind: 'client',
      client,
      registration: { context: { ticketId: 100 } },
    })
    const ticket = queryClient.getQueryData<TicketState>(queryKeys.ticketState.one(100))
    expect(ticket).toMatchObject({ id: 100, priority: 'urgent', requester: { id: 42 } })
  })

  it('leaves the API client to the first request, after the first render', async () => {
    const client = sidebarClient({ settings: { apiBudgetShare: 0.4 } })
    const on = jest.spyOn(client, 'on')
    const mounts = start(client)
    client.register()
    await tick()
    const [{ init }] = mounts as [SidebarStart]
    const settings = init.kind === 'client' ? init.registration?.metadata.settings : undefined
    expect(settings).toBeDefined()
    // no API client yet: its governor would have subscribed to app.willDestroy
    expect(on.mock.calls.map(([name]) => name)).not.toContain('app.willDestroy')
    // the first render reads Zendesk's clock without it, and the client made later learns that clock
    const clock = sidebarClock(client)
    const api = sidebarApi(client, settingsOf(settings ?? {}).settings)
    expect(api.clock).toBe(clock)
    expect(sidebarApi(client, { apiBudgetShare: 1 })).toBe(api)
    expect(on.mock.calls.filter(([name]) => name === 'app.willDestroy')).toHaveLength(1)
  })

  it("follows the agent's form edits from the start, before the sidebar has mounted", async () => {
    const client = sidebarClient()
    const mounts = start(client)
    client.emit('*.changed', { propertyName: 'ticket.customField:custom_field_1', newValue: 7 })
    await tick()
    expect(mounts).toHaveLength(0)
    expect([...formEditsOf(client).edited()]).toEqual(['ticket.customField:custom_field_1'])
  })

  it('paints the score in the first render: no skeleton, the ticket scored while the history loads', async () => {
    const client = sidebarClient({ request: () => new Promise(() => undefined) })
    const mounts = start(client)
    client.register()
    await act(() => tick())
    const [{ init, queryClient }] = mounts as [SidebarStart]
    render(
      <AppShell init={() => init} queryClient={queryClient}>
        <TicketSidebar />
      </AppShell>,
    )
    expect(screen.getByTestId('priority-score')).toBeInTheDocument()
    expect(screen.getByTestId('provisional')).toBeInTheDocument()
    expect(screen.queryByTestId('sidebar-skeleton')).not.toBeInTheDocument()
  })

  it("paints the first render in the agent's language: the agent and their language are in before the mount", async () => {
    const client = sidebarClient()
    client.values.currentUser = { id: 7, name: 'Ana Agent', role: 'agent', locale: 'es-ES' }
    const mounts = start(client)
    client.register()
    await waitFor(() => expect(mounts).toHaveLength(1))
    const [{ init, queryClient, language }] = mounts as [SidebarStart]
    expect(language?.locale).toBe('es')
    expect(queryClient.getQueryData(queryKeys.currentUser.all)).toMatchObject({
      id: 7,
      locale: 'es-ES',
    })
    render(
      <AppShell init={() => init} queryClient={queryClient} language={language}>
        <TicketSidebar />
      </AppShell>,
    )
    // the first render, not a later one: no English text before the Spanish
    expect(screen.getByTestId('vip-tier')).toHaveTextContent('Plata')
    expect(screen.getByText('Puntuación de prioridad')).toBeInTheDocument()
  })

  it('mounts without the ticket when ZAF does not answer in time (the skeleton then shows)', async () => {
    const client = sidebarClient()
    client.get = () => new Promise(() => undefined)
    const mounts = start(client, 20)
    client.register()
    await tick()
    expect(mounts).toHaveLength(0)
    await tick(40)
    expect(mounts).toHaveLength(1)
    expect(mounts[0]?.queryClient.getQueryData(queryKeys.ticketState.one(100))).toBeUndefined()
    // English until the agent's language is known
    expect(mounts[0]?.language).toBeNull()
  })

  it('mounts when reading the ticket failed, leaving the error to the view (it asks again)', async () => {
    const client = sidebarClient()
    client.get = () => Promise.reject(new Error('ZAF is down'))
    const mounts = start(client)
    client.register()
    await tick()
    expect(mounts).toHaveLength(1)
    const state = mounts[0]?.queryClient.getQueryState(queryKeys.ticketState.one(100))
    expect(state?.status).toBe('error')
  })

  it('skips a registration it cannot run on, with a warning, and waits for a proper one', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const client = sidebarClient()
      const mounts = start(client)
      client.emit('app.registered', { context: {} })
      await tick()
      expect(mounts).toHaveLength(0)
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/^Retention Radar: app\.registered: /),
      )
      client.register()
      await tick()
      expect(mounts).toHaveLength(1)
    } finally {
      warn.mockRestore()
    }
  })

  it('mounts at once outside Zendesk, so the app can say how to open it', () => {
    const mounts: SidebarStart[] = []
    startSidebar({ kind: 'outside-zendesk' }, (s) => mounts.push(s))
    expect(mounts.map((m) => m.init)).toEqual([{ kind: 'outside-zendesk' }])
  })
})
