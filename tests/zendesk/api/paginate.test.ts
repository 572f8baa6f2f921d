import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

import {
  SHOW_MANY_MAX_IDS,
  chunkIds,
  createZendeskClient,
  cursorPages,
  fetchRequestedTickets,
  fetchSearchExportPage,
  fetchTicketsById,
  incrementalTicketPages,
  searchExportPages,
} from '@/zendesk/api'
import { createGovernor } from '@/zendesk/governor'
import { createSimTransport, simTimer } from '../support/simTransport'

const account = createSimAccount({ tickets: 700, seed: 11 })

function client() {
  const core = createSimCore(account, { rateLimits: true })
  const timer = simTimer(account)
  return { core, client: createZendeskClient(createGovernor(createSimTransport(core), { timer })) }
}

describe('pagination against the simulator', () => {
  it('walks the incremental cursor export to end_of_stream, each ticket once', async () => {
    const { client: c, core } = client()
    const ids: number[] = []
    let last = false
    for await (const page of incrementalTicketPages(c, { startTime: 0 }, { perPage: 250 })) {
      ids.push(...page.tickets.map((t) => t.id))
      last = page.end_of_stream
    }
    expect(last).toBe(true)
    expect(ids).toHaveLength(account.tickets().length)
    expect(new Set(ids).size).toBe(ids.length)
    // start_time on the first call only, then only the cursor
    const queries = core.log.entries.map((e) => e.query)
    expect(queries[0]).toContain('start_time=0')
    expect(queries.slice(1).every((q) => q.includes('cursor=') && !q.includes('start_time'))).toBe(
      true,
    )
  })

  it('walks search export by cursor with filter[type] and the page size cap', async () => {
    const { client: c, core } = client()
    const ids: number[] = []
    for await (const page of searchExportPages(c, 'status<solved', { pageSize: 5000 }))
      ids.push(...page.results.map((t) => t.id))
    const open = account
      .tickets()
      .filter((v) => ['new', 'open', 'pending', 'hold'].includes(v.state.status))
    expect(ids.sort((a, b) => a - b)).toEqual(open.map((v) => v.lifecycle.id).sort((a, b) => a - b))
    expect(core.log.entries[0]!.query).toContain('page%5Bsize%5D=1000')
    expect(core.log.entries[0]!.query).toContain('filter%5Btype%5D=ticket')
  })

  it('walks cursor pages of a requester', async () => {
    const { client: c } = client()
    const counts = new Map<number, number>()
    for (const v of account.tickets()) {
      const r = Number(account.ticketJson(v).requester_id)
      counts.set(r, (counts.get(r) ?? 0) + 1)
    }
    const [requester, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!
    const ids: number[] = []
    for await (const page of cursorPages(
      (after) => fetchRequestedTickets(c, requester, { pageSize: 2, ...(after ? { after } : {}) }),
      'requested',
    ))
      ids.push(...page.tickets.map((t) => t.id))
    expect(ids).toHaveLength(n)
  })

  it('refuses to loop on a cursor that does not move', async () => {
    const page = { meta: { has_more: true, after_cursor: 'same' } }
    const pages = cursorPages(() => Promise.resolve(page), 'GET /x', 'same')
    await expect(pages.next()).resolves.toMatchObject({ done: false })
    await expect(pages.next()).rejects.toMatchObject({
      code: 'invalid_payload',
      field: 'meta.after_cursor',
    })
  })
})

describe('caps', () => {
  it('splits ids into show_many chunks of at most 100', () => {
    const chunks = chunkIds(Array.from({ length: 250 }, (_, i) => i + 1))
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50])
  })

  it('refuses more than 100 ids and type: inside a search export query', async () => {
    const { client: c } = client()
    await expect(
      fetchTicketsById(
        c,
        Array.from({ length: SHOW_MANY_MAX_IDS + 1 }, (_, i) => i + 1),
      ),
    ).rejects.toThrow(RangeError)
    await expect(fetchSearchExportPage(c, { query: 'type:ticket status:open' })).rejects.toThrow(
      /filter\[type\]/,
    )
  })
})
