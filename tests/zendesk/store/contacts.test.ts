// The account's per-requester contact times follow every applied change exactly as a rebuild from
// its tickets would: newer versions move a ticket's time (even to another requester), older ones
// change nothing.

import { requesterContacts } from '@/core'
import { applyChange, emptyAccount } from '@/zendesk/store'
import type { LoadedAccount, StoredTicket } from '@/zendesk/store'
import { buildTicket } from '../../support/fixtures/ticketBuilder'
import { change, storedTicket } from '../report/memoryAccount'

function ticket(id: number, requesterId: number | null, created: string, updated: string) {
  return storedTicket(buildTicket({ id, requesterId, created, updated }))
}

/** What a rebuild from the account's tickets gives, as plain arrays. */
function rebuilt(a: LoadedAccount): Record<number, number[]> {
  return plain(requesterContacts([...a.tickets()].map((t) => t.ticket)))
}

function plain(index: ReadonlyMap<number, Float64Array>): Record<number, number[]> {
  return Object.fromEntries([...index].map(([id, times]) => [id, [...times]]))
}

const FIRST: StoredTicket[] = [
  ticket(1, 7, '2025-01-05T00:00:00Z', '2025-01-06T00:00:00Z'),
  ticket(2, 7, '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z'),
  ticket(3, 8, '2025-02-01T00:00:00Z', '2025-02-02T00:00:00Z'),
  ticket(4, null, '2025-02-01T00:00:00Z', '2025-02-02T00:00:00Z'),
]
const LATER: StoredTicket[] = [
  // ticket 1 moves to requester 8; ticket 3's older version is ignored; ticket 5 is new
  ticket(1, 8, '2025-01-05T00:00:00Z', '2025-03-01T00:00:00Z'),
  ticket(3, 9, '2025-02-01T00:00:00Z', '2025-01-01T00:00:00Z'),
  ticket(5, 7, '2025-01-03T00:00:00Z', '2025-01-03T00:00:00Z'),
  // the same version twice: a repeat changes nothing
  ticket(5, 7, '2025-01-03T00:00:00Z', '2025-01-03T00:00:00Z'),
]

describe('LoadedAccount.requesterContacts', () => {
  it('holds each requester creation times, ascending, without tickets lacking one', () => {
    const a = emptyAccount()
    applyChange(a, change({ tickets: FIRST }))
    expect(plain(a.requesterContacts!())).toEqual({
      7: [Date.parse('2025-01-01T00:00:00Z'), Date.parse('2025-01-05T00:00:00Z')],
      8: [Date.parse('2025-02-01T00:00:00Z')],
    })
  })

  it('is kept up to date by later changes, as a rebuild would be', () => {
    const kept = emptyAccount()
    applyChange(kept, change({ tickets: FIRST }))
    kept.requesterContacts!() // built now, then updated change by change
    applyChange(kept, change({ tickets: LATER }))
    const fresh = emptyAccount()
    applyChange(fresh, change({ tickets: [...FIRST, ...LATER] }))
    expect(plain(kept.requesterContacts!())).toEqual(rebuilt(kept))
    expect(plain(fresh.requesterContacts!())).toEqual(rebuilt(fresh))
    expect(plain(kept.requesterContacts!())).toEqual({
      7: [Date.parse('2025-01-01T00:00:00Z'), Date.parse('2025-01-03T00:00:00Z')],
      8: [Date.parse('2025-01-05T00:00:00Z'), Date.parse('2025-02-01T00:00:00Z')],
    })
  })

  it('stays equal to a rebuild over many random changes', () => {
    let seed = 3
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const a = emptyAccount()
    a.requesterContacts!()
    for (let round = 0; round < 20; round++) {
      const tickets: StoredTicket[] = []
      for (let i = 0; i < 50; i++) {
        const day = 1 + Math.floor(next() * 28)
        tickets.push(
          ticket(
            1 + Math.floor(next() * 120),
            next() < 0.1 ? null : 100 + Math.floor(next() * 15),
            `2025-04-${String(day).padStart(2, '0')}T00:00:00Z`,
            `2025-05-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}T00:00:00Z`,
          ),
        )
      }
      applyChange(a, change({ tickets }))
      expect(plain(a.requesterContacts!())).toEqual(rebuilt(a))
    }
  })
})
