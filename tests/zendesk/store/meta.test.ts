// The `meta` store: one record type per key, read back with that type, written in a transaction
// or on its own.
import 'fake-indexeddb/auto'

import { openAccountStore } from '@/zendesk/store'
import type { EventSyncState } from '@/zendesk/store/db'
import { readMeta, ticketStateAtStart, writeMeta } from '@/zendesk/store/meta'

let dbCount = 0
const dbName = (): string => `meta-test-${++dbCount}`

const EVENTS: EventSyncState = {
  startTime: 1_700_000_000,
  caughtUp: false,
  pagesDone: 3,
  events: 2500,
  boundaryIds: [7, 8],
  updatedAt: 1,
}

describe('meta records', () => {
  it('reads each key back with its own type (no cast at the caller)', async () => {
    const db = await openAccountStore(dbName())
    const tickets = { ...ticketStateAtStart(1_600_000_000, 5), cursor: 'c2', pagesDone: 2 }
    const tx = db.transaction(['meta'], 'readwrite')
    await Promise.all([
      writeMeta(tx.objectStore('meta'), 'tickets', tickets),
      writeMeta(tx.objectStore('meta'), 'events', EVENTS),
      tx.done,
    ])
    await writeMeta(db, 'people', { syncedAt: 9, groups: 3, agents: 8, error: null })
    const cursor: string | null | undefined = (await readMeta(db, 'tickets'))?.cursor
    const boundary: number[] | undefined = (await readMeta(db, 'events'))?.boundaryIds
    expect(cursor).toBe('c2')
    expect(boundary).toEqual([7, 8])
    expect(await readMeta(db, 'people')).toEqual({ syncedAt: 9, groups: 3, agents: 8, error: null })
    // the store's own record, written when it was created
    expect((await readMeta(db, 'store'))?.version).toBe(2)
    db.close()
  })

  it('accepts only the key’s own record type when writing', async () => {
    const db = await openAccountStore(dbName())
    // @ts-expect-error: an events position is not a ticket export position
    await writeMeta(db, 'tickets', EVENTS)
    // a cast-free read of a key that was never written is undefined, not a wrong type
    expect(await readMeta(db, 'people')).toBeUndefined()
    db.close()
  })

  it('starts the ticket export with nothing read', () => {
    expect(ticketStateAtStart(100, 200)).toMatchObject({
      source: 'incremental',
      startTime: 100,
      cursor: null,
      caughtUp: false,
      pagesDone: 0,
      ticketsSynced: 0,
      updatedAt: 200,
    })
  })
})
