// Reads an account store back as plain records, for tests that compare stores: the newest version
// of each ticket (the engine record), the distinct SLA events, in id order.
import type { SlaEvent, TicketRecord } from '@/core'
import { loadAccount, readEvents } from '@/zendesk/store'
import type { SyncDb } from '@/zendesk/store'

export async function storedTickets(db: SyncDb): Promise<TicketRecord[]> {
  const account = await loadAccount(db)
  return [...account.tickets()].map((t) => t.ticket).sort((a, b) => a.id - b.id)
}

export async function storedEvents(db: SyncDb): Promise<SlaEvent[]> {
  const pages = await db.getAll('eventPages')
  const byId = new Map<number, SlaEvent>()
  for (const page of pages) for (const e of readEvents(page)) byId.set(e.id, e)
  return [...byId.values()].sort((a, b) => a.id - b.id)
}

/** Every event as stored, repeats included (to check that none is stored twice). */
export async function storedEventCount(db: SyncDb): Promise<number> {
  let n = 0
  for (const page of await db.getAll('eventPages')) n += page.count
  return n
}
