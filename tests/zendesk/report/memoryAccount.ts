// A LoadedAccount built in memory with the store's own emptyAccount/applyChange, for tests of
// what reads the account (the report source, the baseline publisher, the background) without
// IndexedDB.

import type { TicketRecord } from '@/core'
import { applyChange, emptyAccount } from '@/zendesk/store'
import type { AccountChange, LoadedAccount, StoredTicket, StoredUser } from '@/zendesk/store'

export function storedTicket(
  ticket: TicketRecord,
  extras: Partial<Omit<StoredTicket, 'ticket'>> = {},
): StoredTicket {
  return { ticket, tags: [], priority: 'normal', subject: `Ticket ${ticket.id}`, ...extras }
}

export function storedUser(id: number, extras: Partial<StoredUser> = {}): StoredUser {
  return {
    id,
    name: `User ${id}`,
    email: null,
    role: 'end-user',
    createdAt: Date.parse('2024-01-01T00:00:00Z'),
    tags: [],
    fields: {},
    organizationId: null,
    ...extras,
  }
}

/** Fills in the empty parts of a change. */
export function change(part: Partial<AccountChange>): AccountChange {
  return { tickets: [], slaEvents: [], users: [], organizations: [], groups: [], ...part }
}

export function memoryAccount(initial: Partial<AccountChange> = {}): LoadedAccount {
  const account = emptyAccount()
  applyChange(account, change(initial))
  return account
}
