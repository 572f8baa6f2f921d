import { act, screen, waitFor } from '@testing-library/react'

import { TicketSidebar } from '@/locations/ticket_sidebar/TicketSidebar'

import { renderInZendesk } from '../../support/render'

const requester = { id: 42, name: 'Marta Puig', email: 'marta@example.com' }

describe('TicketSidebar', () => {
  it("shows the requester's name from ticket.requester", async () => {
    await renderInZendesk(<TicketSidebar />, { values: { 'ticket.requester': requester } })
    expect(await screen.findByTestId('requester-name')).toHaveTextContent('Marta Puig')
    expect(screen.getByText('marta@example.com')).toBeInTheDocument()
  })

  it("speaks the agent's language", async () => {
    await renderInZendesk(<TicketSidebar />, {
      values: { 'ticket.requester': requester, 'currentUser.locale': 'es-419' },
    })
    expect(await screen.findByText('Solicitante')).toBeInTheDocument()
  })

  it('follows a change of requester', async () => {
    const { client } = await renderInZendesk(<TicketSidebar />, {
      values: { 'ticket.requester': requester },
    })
    await screen.findByText('Marta Puig')
    client.values['ticket.requester'] = { id: 7, name: 'Joan Vidal', email: null }
    act(() => client.emit('ticket.requester.id.changed', 7))
    expect(await screen.findByText('Joan Vidal')).toBeInTheDocument()
  })

  it('says so when the ticket has no requester yet', async () => {
    await renderInZendesk(<TicketSidebar />, { values: { 'ticket.requester': null } })
    expect(await screen.findByText('This ticket has no requester yet.')).toBeInTheDocument()
  })

  it('shows an error with a retry when Zendesk cannot answer', async () => {
    await renderInZendesk(<TicketSidebar />, {
      failures: { 'ticket.requester': 'Invocation request timeout' },
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('Invocation request timeout')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  it('reports bad settings instead of failing', async () => {
    await renderInZendesk(<TicketSidebar />, {
      values: { 'ticket.requester': requester },
      settings: { apiBudgetShare: '90' },
    })
    expect(
      await screen.findByText(/Setting "apiBudgetShare": must be between 1 and 50/),
    ).toBeInTheDocument()
  })

  it('sizes its frame to its content', async () => {
    const { client } = await renderInZendesk(<TicketSidebar />, {
      values: { 'ticket.requester': requester },
    })
    await waitFor(() => expect(client.invocations.map((i) => i.name)).toContain('resize'))
    expect(client.invocations[0]?.args[0]).toMatchObject({ width: '100%' })
  })
})
