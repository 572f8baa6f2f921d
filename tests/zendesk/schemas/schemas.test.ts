import { createZendeskClient } from '@/zendesk/api'
import { fetchIncrementalTicketsPage, fetchRequestedTickets, searchCount } from '@/zendesk/api'
import { ZendeskApiError, fieldPath } from '@/zendesk/errors'
import { createGovernor } from '@/zendesk/governor'
import { incrementalTicketsSchema, ticketSchema } from '@/zendesk/schemas'
import { createFakeTransport, jsonReply } from '../support/fakeTransport'

const ticket = {
  id: 7,
  status: 'open',
  created_at: '2026-01-02T03:04:05Z',
  updated_at: '2026-01-03T03:04:05Z',
  via: { channel: 4 },
  requester_id: 11,
  extra_field: 'kept',
}

function clientAnswering(body: unknown) {
  return createZendeskClient(createGovernor(createFakeTransport(() => jsonReply(body))))
}

describe('schemas', () => {
  it('accept the live shapes and keep unknown keys', () => {
    const parsed = ticketSchema.parse(ticket)
    expect(parsed.extra_field).toBe('kept')
    expect(
      incrementalTicketsSchema.safeParse({
        tickets: [ticket],
        metric_sets: [{ ticket_id: 7, reply_time_in_minutes: { calendar: 'odd' } }],
        after_cursor: 'abc',
        end_of_stream: false,
      }).success,
    ).toBe(true)
  })

  it('leave value fields the normaliser repairs alone (channel, durations, CSAT)', () => {
    expect(
      ticketSchema.safeParse({ ...ticket, via: { channel: null }, satisfaction_rating: 3 }).success,
    ).toBe(true)
  })

  it.each([
    [{ ...ticket, id: '7' }, 'id'],
    [{ ...ticket, id: -1 }, 'id'],
    [{ ...ticket, status: undefined }, 'status'],
    [{ ...ticket, requester_id: 'x' }, 'requester_id'],
    [{ ...ticket, tags: 'a b' }, 'tags'],
  ])('refuse %p at field %s', (bad, field) => {
    const r = ticketSchema.safeParse(bad)
    expect(r.success).toBe(false)
    expect(fieldPath(r.error!.issues[0]!.path)).toBe(field)
  })
})

describe('validation at the boundary', () => {
  it('names the endpoint and the nested field of a bad payload', async () => {
    const client = clientAnswering({
      tickets: [ticket, { ...ticket, id: null }],
      after_cursor: 'x',
      end_of_stream: false,
    })
    const err = await fetchIncrementalTicketsPage(client, { startTime: 0 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ZendeskApiError)
    expect(err).toMatchObject({
      code: 'invalid_payload',
      endpoint: 'GET /api/v2/incremental/tickets/cursor.json',
      field: 'tickets[1].id',
      retryable: false,
    })
    expect(String(err)).toMatch(
      /GET \/api\/v2\/incremental\/tickets\/cursor\.json: .* at field 'tickets\[1\]\.id'/,
    )
    // zod/mini has no messages of its own: the English locale says what was expected and found
    expect(String(err)).toContain('(Invalid input: expected number, received null)')
  })

  it.each([
    [{ count: -1 }, 'count', 'Too small: expected number to be >=0'],
    [{ count: 1.5 }, 'count', 'Invalid input: expected int, received number'],
    [{ count: '3' }, 'count', 'Invalid input: expected number, received string'],
    [{}, 'count', 'Invalid input: expected number, received undefined'],
  ])('describes the bad value of %p at %s in English', async (body, field, detail) => {
    const err = await searchCount(clientAnswering(body), 'type:ticket').catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'invalid_payload', field })
    expect((err as Error).message).toContain(`(${detail})`)
  })

  it('refuses a missing envelope field', async () => {
    const client = clientAnswering({ tickets: [ticket] })
    await expect(fetchRequestedTickets(client, 11)).rejects.toMatchObject({
      code: 'invalid_payload',
      field: 'meta',
    })
  })

  it('refuses a non-object body', async () => {
    await expect(searchCount(clientAnswering([1, 2]), 'type:ticket')).rejects.toMatchObject({
      code: 'invalid_payload',
      field: '(root)',
    })
  })
})
