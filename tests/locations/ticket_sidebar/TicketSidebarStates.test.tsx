import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'

import { accountBaseline, baselineRecord } from '@/core'
import { TicketSidebar } from '@/locations/ticket_sidebar/TicketSidebar'

import { renderInZendesk } from '../../support/render'
import type { FakeAccount, Json } from './fakeAccount'
import { MINUTE, apiTicket, vipAccount, zafTicket } from './fakeAccount'
import { FIELD, FIELD_PATH, renderSidebar as render, settledScore as score } from './renderSidebar'

const puts = (account: FakeAccount) => account.requests.filter((r) => r.method === 'PUT')
const scoreText = () => Number(screen.getByTestId('priority-score').textContent)

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

describe('TicketSidebar states', () => {
  it('scores the ticket alone, labelled provisional, while the customer loads', async () => {
    await renderInZendesk(<TicketSidebar />, {
      values: vipAccount().ticket,
      context: { ticketId: 100 },
      request: () => new Promise(() => undefined),
    })
    // The skeleton shows until the ticket itself is read; then the ticket's own score, labelled.
    expect(
      await screen.findByText("Reading the customer's history: the score may still move."),
    ).toBeInTheDocument()
    expect(screen.queryByTestId('sidebar-skeleton')).not.toBeInTheDocument()
  })

  it('says what failed and loads again on retry', async () => {
    const account = vipAccount()
    account.historyFailure = { status: 403 }
    await render(account)
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Could not load the customer')
    expect(alert).toHaveTextContent('GET /api/v2/users/42/tickets/requested.json')
    account.historyFailure = null
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await score()).toBeInTheDocument()
  })

  it('says so when the ticket has no requester yet', async () => {
    const account = vipAccount()
    account.ticket['ticket.requester'] = null
    await render(account)
    expect(await screen.findByText('This ticket has no requester yet.')).toBeInTheDocument()
  })

  it.each([
    ['deleted', { active: false }, 'Deleted requester'],
    ['suspended', { suspended: true }, 'Suspended requester'],
    ['anonymous', { name: 'Anonymous user', email: null }, 'Anonymous requester'],
  ])('scores a %s requester and says why the data is thin', async (_kind, change, title) => {
    const account = vipAccount()
    Object.assign(account.requester, change)
    account.ticket = zafTicket(account.tickets[0] as Json, account.requester)
    await render(account)
    await score()
    expect(screen.getByText(title)).toBeInTheDocument()
  })

  it('labels the value as an estimate when no value field is configured', async () => {
    await render(vipAccount(), { settings: { valueField: '' } })
    await score()
    expect(screen.getByTestId('customer-value')).toHaveTextContent(
      /\d+ points?Estimate from support history \(no value field\)/,
    )
  })

  it('uses the account baseline when one is published, and says when there is none', async () => {
    const account = vipAccount()
    const baseline = {
      ...accountBaseline([], [], Date.now()),
      valueThresholds: { silver: 1000, gold: 5000, platinum: 100_000 },
      typicalValue: 800,
    }
    const record = baselineRecord(baseline, { computedAt: Date.now(), currency: 'USD' })
    account.baseline = {
      payload: JSON.stringify(record),
      schema_version: record.schemaVersion,
      computed_at: record.computedAt,
    }
    await render(account)
    await score()
    // 60,000 is Gold against the account's percentiles (Platinum starts at 100,000)
    expect(screen.getByTestId('vip-tier')).toHaveTextContent('Gold')
    expect(screen.queryByTestId('threshold-tiers')).toBeNull()
    expect(account.requests.filter((r) => r.url.includes('retention_radar_baseline')).length).toBe(
      1,
    )
  })

  it('keeps showing cached data with its age when Zendesk rate-limits the refresh', async () => {
    const account = vipAccount()
    await render(account)
    await score()
    cleanup()
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('retention-radar-history:'))
    expect(key).toBeDefined()
    const cached = JSON.parse(sessionStorage.getItem(key ?? '') ?? '{}') as Json
    sessionStorage.setItem(
      key ?? '',
      JSON.stringify({ ...cached, fetchedAt: Date.now() - 12 * MINUTE }),
    )
    account.historyFailure = { status: 429, headers: { 'retry-after': '3600' } }
    await render(account)
    expect(await score()).toBeInTheDocument()
    expect(
      await screen.findByText('Showing data from 12 min ago', {}, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.getByText(/rate limited \(HTTP 429\)/)).toBeInTheDocument()
  })

  it('opens a recently seen requester without reading anything again', async () => {
    const account = vipAccount()
    const gets = () => account.requests.filter((r) => r.method === 'GET').length
    await render(account)
    await score()
    // cold: the history and the shared baseline
    expect(gets()).toBe(2)
    cleanup()
    await render(account)
    await score()
    expect(gets()).toBe(2)
  })

  it('shows script and markup in names, subjects, tags, organizations and fields as text', async () => {
    const account = vipAccount()
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
    account.requester.name = `Eve ${payload}`
    account.requester.user_fields = { lifetime_value: payload }
    ;(account.organization as Json).name = `Org ${payload}`
    account.tickets[1] = { ...account.tickets[1], subject: `Subject ${payload}`, tags: [payload] }
    account.ticket = zafTicket(account.tickets[0] as Json, account.requester)
    account.ticket['ticket.tags'] = ['<b>bold</b>', 'vip"onmouseover="x']
    const { container } = await render(account, { settings: { valueField: 'lifetime_value' } })
    await score()
    expect(screen.getByTestId('requester-name')).toHaveTextContent(`Eve ${payload}`)
    expect(await screen.findByTestId('organization')).toHaveTextContent(`Org ${payload}`)
    expect(screen.getByRole('button', { name: `#90 Subject ${payload}` })).toBeInTheDocument()
    expect(container.querySelector('img, script, b')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
    // a value field holding text is not a value: the customer gets an estimate
    expect(screen.getByTestId('customer-value')).toHaveTextContent('Estimate from support history')
  })
})

describe('TicketSidebar actions', () => {
  it('writes the score into the requirement field through the API', async () => {
    const account = vipAccount()
    await render(account)
    await score()
    await waitFor(() => expect(puts(account)).toHaveLength(1))
    expect(puts(account)[0]).toEqual({
      method: 'PUT',
      url: '/api/v2/tickets/100.json',
      body: { ticket: { custom_fields: [{ id: FIELD, value: Math.round(scoreText()) }] } },
    })
    expect(await screen.findByText('Priority score saved to the ticket.')).toBeInTheDocument()
  })

  it('leaves a ticket opened again in the same tab alone until the ticket changes', async () => {
    const account = vipAccount()
    await render(account)
    await score()
    await waitFor(() => expect(puts(account)).toHaveLength(1))
    cleanup()
    // a new sidebar frame on the same ticket, whose form still shows the field empty
    const again = vipAccount()
    await render(again)
    await score()
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)))
    expect(puts(again)).toHaveLength(0)
    cleanup()
    // the ticket changed meanwhile: written again
    const changed = vipAccount()
    changed.ticket['ticket.priority'] = 'low'
    await render(changed)
    await score()
    await waitFor(() => expect(puts(changed)).toHaveLength(1))
  })

  it('writes into the field the admin set, and nothing when writing is off', async () => {
    const account = vipAccount()
    await render(account, { settings: { scoreFieldId: '555' } })
    await score()
    await waitFor(() => expect(puts(account)).toHaveLength(1))
    expect(puts(account)[0]?.body).toMatchObject({ ticket: { custom_fields: [{ id: 555 }] } })
    cleanup()
    const quiet = vipAccount()
    await render(quiet, { settings: { writeScoreField: false } })
    await score()
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)))
    expect(puts(quiet)).toHaveLength(0)
  })

  it('writes nothing to a closed ticket (Zendesk refuses updates to it), and shows no error', async () => {
    const account = vipAccount()
    await render(account, { values: { 'ticket.status': 'closed' } })
    await score()
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)))
    expect(puts(account)).toHaveLength(0)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('says when there is no field to write to', async () => {
    const account = vipAccount()
    await render(account, {
      values: { 'requirement:score_field': undefined },
      failures: { 'requirement:score_field': 'Could not find requirement score_field' },
    })
    await score()
    expect(
      await screen.findByText(/there is no score field \(Could not find requirement score_field\)/),
    ).toBeInTheDocument()
    expect(puts(account)).toHaveLength(0)
  })

  it('puts the score in the form when the agent has unsaved edits, never over theirs', async () => {
    const account = vipAccount()
    // the agent edits while the customer loads
    account.latencyMs = 100
    const { client } = await render(account)
    act(() => client.emit('*.changed', { propertyName: 'ticket.subject', newValue: 'Edited' }))
    await score()
    await waitFor(() => expect(client.values[FIELD_PATH]).toBe(Math.round(scoreText())))
    expect(puts(account)).toHaveLength(0)
    expect(await screen.findByText(/saved with your next update/)).toBeInTheDocument()
    cleanup()
    // the second open loads the customer again (not from the tab's cache), so the edit below
    // comes while it loads
    sessionStorage.clear()
    localStorage.clear()

    const editing = vipAccount()
    editing.latencyMs = 100
    const second = await render(editing, { values: { [FIELD_PATH]: 12 } })
    act(() => second.client.emit('*.changed', { propertyName: FIELD_PATH, newValue: 12 }))
    await score()
    expect(await screen.findByText(/You are editing the score field/)).toBeInTheDocument()
    expect(second.client.values[FIELD_PATH]).toBe(12)
    expect(puts(editing)).toHaveLength(0)
  })

  it('says a failed write failed, and retries', async () => {
    const account = vipAccount()
    account.writeFailure = 422
    await render(account)
    await score()
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent(
      `Could not write the priority score to ticket field ${FIELD}: PUT /api/v2/tickets/100.json: request refused (HTTP 422)`,
    )
    account.writeFailure = null
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Priority score saved to the ticket.')).toBeInTheDocument()
  })

  it('adds the tier tag when the setting is on', async () => {
    const account = vipAccount()
    account.ticket['ticket.tags'] = ['billing', 'retention_tier_gold']
    await render(account, { settings: { addTierTag: true, writeScoreField: false } })
    await score()
    await waitFor(() => expect(puts(account)).toHaveLength(1))
    expect(puts(account)[0]?.body).toEqual({
      ticket: {
        additional_tags: ['retention_tier_platinum'],
        remove_tags: ['retention_tier_gold'],
      },
    })
    expect(
      await screen.findByText('Tag retention_tier_platinum added to the ticket.'),
    ).toBeInTheDocument()
  })

  it('rescores as the ticket waits: a new ticket of the same customer ranks lower than an old one', async () => {
    const account = vipAccount()
    account.tickets[0] = apiTicket(100, 42, 2 * MINUTE, { status: 'new', priority: 'low' })
    account.ticket = zafTicket(account.tickets[0], account.requester)
    await render(account)
    const fresh = Number((await score()).textContent)
    cleanup()
    sessionStorage.clear()
    const older = vipAccount()
    older.tickets[0] = apiTicket(100, 42, 3 * 24 * 60 * MINUTE, { status: 'open', priority: 'low' })
    older.ticket = zafTicket(older.tickets[0], older.requester)
    await render(older)
    expect(Number((await score()).textContent)).toBeGreaterThan(fresh)
  })
})
