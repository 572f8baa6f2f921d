// The account store: IndexedDB (version 2, compact pages), loaded into a LoadedAccount.

export { applyChange, emptyAccount, loadAccount } from './account'
export { openAccountStore, readEventState, readStoreInfo, readTicketState } from './db'
export type { SyncDb } from './db'
export { StoreError } from './errors'

export { encodeEventPage, readEvents } from './eventPage'

export { decodeTicketPage, encodeTicketPage, readStoredTicket } from './ticketPage'

export * from './types'
