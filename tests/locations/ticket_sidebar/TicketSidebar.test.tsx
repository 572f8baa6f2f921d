import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'

import { closeNoticeSenders, publishChange } from '@/zendesk/notices/channel'

import { MINUTE, apiTicket, vipAccount } from './fakeAccount'
import { renderSidebar as render, settledScore as score } from './renderSidebar'

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})
afterAll(() => closeNoticeSenders())

describe('TicketSidebar at a glance', () => {
  it('shows the score with its level in words, the top two reasons, the tier and the value', async () => {
    await render(vipAccount())
    const value = Number((await score()).textContent)
    expect(value).toBeGreaterThan(0)
    expect(value).toBeLessThanOrEqual(100)
    expect(screen.getByTestId('priority-level').textContent).toMatch(/Critical|High|Normal|Low/)
    const reasons = within(screen.getByTestId('top-reasons')).getAllByRole('listitem')
    expect(reasons).toHaveLength(2)
    for (const reason of reasons) expect(reason.textContent).not.toMatch(/reason\.|\{\{/)
    // 60,000 USD from the field: Platinum by the default thresholds (no account baseline yet)
    expect(screen.getByTestId('vip-tier')).toHaveTextContent('Platinum')
    expect(screen.getByTestId('next-tier')).toHaveTextContent('Highest tier')
    expect(screen.getByTestId('threshold-tiers')).toHaveTextContent('No account baseline yet')
    expect(screen.getByTestId('customer-value')).toHaveTextContent('$60,000')
    expect(screen.getByTestId('customer-value')).toHaveTextContent(
      'From the field user.lifetime_value',
    )
    expect(screen.getByTestId('churn-risk').textContent).toMatch(/(Low|Medium|High) \(\d+%\)/)
  })

  it('counts down to the SLA target of an urgent ticket', async () => {
    await render(vipAccount())
    await score()
    expect(screen.getByTestId('sla-countdown')).toHaveTextContent(/SLA breach in \d+ (min|hr)/)
  })

  it('shows the next tier and the gap to it', async () => {
    const account = vipAccount()
    account.requester.user_fields = { lifetime_value: 12_500 }
    await render(account)
    await score()
    expect(screen.getByTestId('vip-tier')).toHaveTextContent('Gold')
    expect(screen.getByTestId('next-tier')).toHaveTextContent(
      'Next tier: Platinum at $50,000 ($37,500 to go)',
    )
  })

  it("formats numbers and words in the agent's language", async () => {
    await render(vipAccount(), {
      values: { currentUser: { id: 7, name: 'Ana Agent', role: 'agent', locale: 'es-ES' } },
    })
    await waitFor(() => expect(screen.getByTestId('vip-tier')).toHaveTextContent('Platino'))
    expect(screen.getByTestId('customer-value').textContent).toMatch(/60\.000\s€|60\.000\sUS\$/)
  })
})

describe('TicketSidebar history', () => {
  it('lists counts, tenure, the latest tickets with status and rating, the CSAT trend and the organization', async () => {
    await render(vipAccount())
    await score()
    const history = await screen.findByTestId('history')
    expect(screen.getByTestId('ticket-count')).toHaveTextContent('5 tickets · 2 open')
    expect(history).toHaveTextContent('Customer since Feb 1, 2023')
    expect(screen.getByTestId('organization')).toHaveTextContent('Organization: Acme Corp')
    expect(screen.getByTestId('csat-trend')).toHaveTextContent('Satisfaction: 66.7% good')
    const latest = within(history).getByRole('list', { name: 'Latest tickets' })
    const rows = within(latest).getAllByRole('listitem')
    expect(rows.map((r) => within(r).getByRole('button').textContent)).toEqual([
      '#90 Invoice copy',
      '#80 Refund',
      '#70 Login',
      '#60 Shipping',
    ])
    expect(rows[0]).toHaveTextContent('Solved · Rated good')
    expect(rows[2]).toHaveTextContent('Pending · Not rated')
  })

  it('opens a listed ticket with routeTo', async () => {
    const { client } = await render(vipAccount())
    await score()
    fireEvent.click(await screen.findByRole('button', { name: '#80 Refund' }))
    expect(client.invocations).toContainEqual({ name: 'routeTo', args: ['ticket', 80] })
  })

  it('says when the customer is new', async () => {
    const account = vipAccount()
    account.tickets = account.tickets.slice(0, 1)
    account.requester.created_at = new Date(Date.now() - 30 * MINUTE).toISOString()
    await render(account)
    await score()
    expect(await screen.findByTestId('new-customer')).toHaveTextContent(
      'New customer: no earlier tickets.',
    )
    expect(screen.getByTestId('csat-trend')).toHaveTextContent('No satisfaction ratings yet')
  })
})

describe('TicketSidebar Why?', () => {
  it('opens from the keyboard and lists every factor with its points, weight and reason', async () => {
    await render(vipAccount(), { settings: { weightValue: 40 } })
    await score()
    const toggle = await screen.findByRole('button', { name: 'Why this score?' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.getByTestId('why-factors')).not.toBeVisible()
    toggle.focus()
    fireEvent.keyDown(toggle, { key: 'Enter' })
    fireEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const factors = within(screen.getByTestId('why-factors')).getAllByRole('listitem')
    expect(factors).toHaveLength(8)
    expect(factors[0]).toHaveTextContent('Value at stake')
    expect(factors[0]?.textContent).toMatch(/of \d+(\.\d)? pts/)
    for (const f of factors) expect(f.textContent).not.toMatch(/reason\.|\{\{|undefined|NaN/)
  })
})

describe('TicketSidebar live', () => {
  it('recomputes the score when the priority changes', async () => {
    const { client } = await render(vipAccount())
    const before = Number((await score()).textContent)
    client.values['ticket.priority'] = 'low'
    act(() => client.emit('ticket.priority.changed', 'low'))
    await waitFor(() =>
      expect(Number(screen.getByTestId('priority-score').textContent)).toBeLessThan(before),
    )
  })

  it('follows a change of requester', async () => {
    const account = vipAccount()
    const { client } = await render(account)
    await score()
    Object.assign(client.values, {
      'ticket.requester': { id: 77, name: 'Joan Vidal', email: 'joan@example.com' },
    })
    act(() => client.emit('ticket.requester.changed'))
    // the fake account only knows requester 42: 77 is a deleted user
    expect(await screen.findByText('Deleted requester')).toBeInTheDocument()
    expect(screen.getByTestId('requester-name')).toHaveTextContent('Joan Vidal')
  })

  it("refreshes the requester's history on the store's change notice", async () => {
    const account = vipAccount()
    await render(account)
    await score()
    const before = account.requests.filter((r) => r.url.includes('/tickets/requested')).length
    account.tickets.push(apiTicket(110, 42, 5 * MINUTE, { status: 'new', subject: 'Another one' }))
    await act(async () => {
      await publishChange('demo', {
        app: 'retention-radar',
        v: 1,
        kind: 'tickets',
        ticketIds: [110],
        requesterIds: [42],
        at: Date.now(),
      })
    })
    await waitFor(() => expect(screen.getByTestId('ticket-count')).toHaveTextContent('6 tickets'))
    expect(account.requests.filter((r) => r.url.includes('/tickets/requested')).length).toBe(
      before + 1,
    )
  })

  it('sizes its frame to its content', async () => {
    const { client } = await render(vipAccount())
    await waitFor(() => expect(client.invocations.map((i) => i.name)).toContain('resize'))
    expect(client.invocations.find((i) => i.name === 'resize')?.args[0]).toMatchObject({
      width: '100%',
    })
  })
})

describe('TicketSidebar provisional score', () => {
  it('shows the score from the ticket while the history loads, and writes only the settled score', async () => {
    const account = vipAccount()
    account.latencyMs = 1500
    await render(account)
    // on screen before the history has answered, labelled as provisional
    const early = await screen.findByTestId('priority-score', {}, { timeout: 1000 })
    expect(early).toBeInTheDocument()
    expect(screen.getByTestId('provisional')).toHaveTextContent(
      "Reading the customer's history: the score may still move.",
    )
    expect(screen.queryByTestId('threshold-tiers')).toBeNull()
    expect(account.requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
    await score()
    expect(screen.getByTestId('vip-tier')).toHaveTextContent('Platinum')
    await waitFor(() => expect(account.requests.filter((r) => r.method === 'PUT')).toHaveLength(1))
    const put = account.requests.find((r) => r.method === 'PUT')
    expect(JSON.stringify(put?.body)).toContain(
      `"value":${Number(screen.getByTestId('priority-score').textContent)}`,
    )
  })
})
