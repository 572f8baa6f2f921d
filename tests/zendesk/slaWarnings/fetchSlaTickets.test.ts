import { createZendeskClient } from '@/zendesk/api/client'
import { ZendeskApiError } from '@/zendesk/errors'
import { createGovernor } from '@/zendesk/governor'
import { fetchSlaTickets, serverDate } from '@/zendesk/slaWarnings'
import { createFakeTransport, jsonReply } from '../support/fakeTransport'

const BREACH = '2026-10-31T23:59:00Z'

function account(showMany: unknown, headers: Record<string, string> = {}) {
  const transport = createFakeTransport((req) => {
    if (req.path.startsWith('/api/v2/search.json')) {
      return jsonReply({ results: [{ id: 100 }, { id: 101 }], next_page: null, count: 2 })
    }
    return jsonReply(showMany, 200, headers)
  })
  return { transport, client: createZendeskClient(createGovernor(transport)) }
}

describe('fetchSlaTickets', () => {
  it("lists the agent's open tickets, then reads their SLA targets with the slas sideload", async () => {
    const { transport, client } = account(
      {
        tickets: [
          {
            id: 100,
            status: 'open',
            created_at: BREACH,
            assignee_id: 7,
            requester_id: 501,
            slas: {
              policy_metrics: [{ metric: 'first_reply_time', stage: 'active', breach_at: BREACH }],
            },
          },
        ],
        users: [{ id: 501, name: 'Ada' }],
      },
      { date: 'Sat, 31 Oct 2026 23:40:00 GMT' },
    )
    const page = await fetchSlaTickets(client, 7)
    expect(transport.calls.map((c) => decodeURIComponent(c.path))).toEqual([
      '/api/v2/search.json?query=type:ticket+assignee:7+status<solved&sort_by=updated_at&sort_order=desc&per_page=100&page=1',
      '/api/v2/tickets/show_many.json?ids=100,101&include=slas,users,organizations',
    ])
    expect(page.tickets[0]?.slas?.policy_metrics?.[0]).toMatchObject({ stage: 'active' })
    expect(page.users).toHaveLength(1)
    expect(page.serverNow).toBe(Date.UTC(2026, 9, 31, 23, 40))
  })

  it('names the field when the sideload is not what Zendesk documents', async () => {
    const { client } = account({
      tickets: [
        {
          id: 100,
          status: 'open',
          created_at: BREACH,
          slas: { policy_metrics: [{ stage: 'active' }] },
        },
      ],
    })
    const error = await fetchSlaTickets(client, 7).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ZendeskApiError)
    expect(String((error as Error).message)).toContain('tickets[0].slas.policy_metrics[0].metric')
  })

  it('reads the server clock from the Date header, or says it has none', () => {
    expect(serverDate({ date: 'Sat, 31 Oct 2026 23:40:00 GMT' })).toBe(
      Date.UTC(2026, 9, 31, 23, 40),
    )
    expect(serverDate({ date: 'yesterday' })).toBeNull()
    expect(serverDate({})).toBeNull()
  })
})
