// The page codec and the replay rule, without a sync: pages round-trip every field, and the
// newest version of a ticket wins whatever the page order (ties go to the later page).
import 'fake-indexeddb/auto'

import { blankRecord } from '@/zendesk/store/ticketPage'
import {
  applyChange,
  decodeTicketPage,
  emptyAccount,
  encodeEventPage,
  encodeTicketPage,
  loadAccount,
  openAccountStore,
  readEvents,
  readStoredTicket,
} from '@/zendesk/store'
import type { AccountChange, StoredTicket } from '@/zendesk/store'

function ticket(id: number, updatedAt: number, subject: string): StoredTicket {
  const record = blankRecord()
  return {
    ticket: {
      ...record,
      id,
      status: 'solved',
      channel: 'messaging',
      createdAt: 1_700_000_000_000,
      updatedAt,
      solvedAt: updatedAt,
      requesterId: 9_182_736_455,
      assigneeId: 77,
      replies: 3,
      minutes: { ...record.minutes, firstReply: { calendar: 7 / 60, business: null } },
      csat: 'good',
    },
    tags: ['vip_gold', 'refund'],
    priority: 'urgent',
    subject,
  }
}

const change = (tickets: StoredTicket[]): AccountChange => ({
  tickets,
  slaEvents: [],
  users: [],
  organizations: [],
  groups: [],
})

describe('ticket pages', () => {
  it('round-trip every field, including nulls, large ids, fractions, unicode subjects and no tags', () => {
    const a = ticket(1, 2_000, 'Réclamation — ünïcode ✓')
    const b = { ...ticket(2, 3_000, ''), tags: [], priority: null }
    const page = decodeTicketPage(encodeTicketPage([a, b]))
    if (typeof page === 'string') throw new Error(page)
    expect(readStoredTicket(page, 0)).toEqual(a)
    expect(readStoredTicket(page, 1)).toEqual(b)
    // 7/60 of a minute is not a Float32: the page keeps Float64 minutes
    expect(encodeTicketPage([a]).minuteBytes).toBe(8)
  })

  it('keep whole minutes in Float32, exactly', () => {
    const a = ticket(1, 2_000, 'x')
    const whole = {
      ...a,
      ticket: {
        ...a.ticket,
        minutes: { ...a.ticket.minutes, firstReply: { calendar: 125, business: 61 } },
      },
    }
    const stored = encodeTicketPage([whole])
    expect(stored.minuteBytes).toBe(4)
    const page = decodeTicketPage(stored)
    if (typeof page === 'string') throw new Error(page)
    expect(readStoredTicket(page, 0)).toEqual(whole)
  })

  it('say what is wrong with a damaged page', () => {
    const good = encodeTicketPage([ticket(1, 2_000, 'x')])
    expect(decodeTicketPage(null)).toBe('expected a page object, got null')
    expect(decodeTicketPage({ ...good, count: 2 })).toMatch(/^columns holds \d+ bytes, expected/)
    expect(decodeTicketPage({ ...good, text: 5 })).toBe('text is not a string')
    const codes = { ...good, columns: good.columns.slice(0) }
    new Uint8Array(codes.columns)[codes.columns.byteLength - 4] = 200
    expect(decodeTicketPage(codes)).toBe('status code 200 of row 0 is unknown')
  })

  it('and event pages round-trip', () => {
    const events = [
      {
        id: 5,
        ticketId: 1,
        metric: 'next_reply_time',
        instanceId: 2,
        type: 'breach',
        time: 9,
        deleted: true,
      },
    ] as const
    expect(readEvents(encodeEventPage(events))).toEqual(events)
  })
})

describe('replay', () => {
  it('keeps the newest version whatever the order of the pages; a tie goes to the later page', async () => {
    const db = await openAccountStore('pages-replay')
    await db.add(
      'ticketPages',
      encodeTicketPage([ticket(1, 5_000, 'newest'), ticket(2, 1_000, 'a')]),
    )
    await db.add(
      'ticketPages',
      encodeTicketPage([ticket(1, 4_000, 'older'), ticket(2, 1_000, 'b')]),
    )
    const account = await loadAccount(db)
    expect(account.ticket(1)?.subject).toBe('newest')
    expect(account.engine.get(1)?.updatedAt).toBe(5_000)
    expect(account.ticket(2)?.subject).toBe('b')
    expect([...account.tickets()]).toHaveLength(2)

    // a change applied after the index was built follows the same rule
    applyChange(account, change([ticket(1, 4_500, 'late older'), ticket(3, 1, 'new')]))
    expect(account.ticket(1)?.subject).toBe('newest')
    expect(account.ticket(3)?.subject).toBe('new')
    applyChange(account, change([ticket(1, 6_000, 'newer')]))
    expect(account.ticket(1)?.subject).toBe('newer')
    expect(account.engine.get(1)?.updatedAt).toBe(6_000)
    db.close()
  })

  it('refuses an account it did not build', () => {
    const fake = { ...emptyAccount() }
    expect(() => applyChange(fake, change([]))).toThrow(
      'applyChange: the account must come from loadAccount or emptyAccount',
    )
  })
})
