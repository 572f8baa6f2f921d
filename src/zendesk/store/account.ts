// The synced account in memory, rebuilt from the store: committed pages replayed in commit order
// into the KPI engine (newest version wins, deleted tickets kept as the engine expects), the pages
// themselves kept as the source of each ticket's extras, and people by id. `applyChange` folds in
// what a newly committed page changed, so a live engine never rereads the store.

import { KpiEngine } from '@/core'
import type { CustomerProfile, RequesterContacts, SlaEvent } from '@/core'

import { joinProfiles } from '../customers/profiles'
import type { SyncDb } from './db'
import type { EventPageRecord } from './eventPage'
import { encodeEventPage, eventPageProblem, fillEvent, readEvents } from './eventPage'
import { groupProblem, organizationProblem, userProblem } from './people'
import type { TicketColumns } from './ticketPage'
import {
  blankRecord,
  decodeTicketPage,
  encodeTicketPage,
  PAGE_ROWS_MAX,
  readStoredTicket,
  readTicketRecord,
} from './ticketPage'
import type {
  AccountChange,
  LoadedAccount,
  StoredGroup,
  StoredOrganization,
  StoredTicket,
  StoredUser,
  StoreProblem,
} from './types'

/** Problems described one by one; beyond this they are only counted. */
const PROBLEMS_KEPT = 50
/** Ticket pages read per request on load (about 200 KB each). */
const LOAD_BATCH = 50

class StoreAccount implements LoadedAccount {
  readonly engine: KpiEngine
  readonly users = new Map<number, StoredUser>()
  readonly organizations = new Map<number, StoredOrganization>()
  readonly groups = new Map<number, StoredGroup>()
  readonly problems: StoreProblem[] = []
  skippedRecords = 0
  private readonly pages: TicketColumns[] = []
  /**
   * Ticket id → where its held version lives (page index × PAGE_ROWS_MAX + row). Built on first
   * use: the engine alone answers reports, so a cold start does not wait for it.
   */
  private whereIndex: Map<number, number> | null = null
  private readonly eventPages: EventPageRecord[] = []
  private eventIndex: Map<number, SlaEvent[]> | null = null
  private profileCache: Map<number, CustomerProfile> | null = null
  /**
   * Requester → creation times of their held tickets, ascending. Built on first use, then kept up
   * to date by each added page (a newer version moves its time, even to another requester).
   */
  private contactsIndex: Map<number, Float64Array> | null = null
  private readonly scratch = blankRecord()

  constructor(capacity: number) {
    this.engine = new KpiEngine({ initialCapacity: Math.max(1024, capacity) })
  }

  problem(store: string, key: unknown, message: string): void {
    this.skippedRecords++
    if (this.problems.length < PROBLEMS_KEPT)
      this.problems.push({ store, key: String(key), message })
  }

  /** Replays a checked page into the engine; rows the engine keeps become the held extras. */
  addTicketPage(page: TicketColumns): void {
    const index = this.pages.length
    this.pages.push(page)
    const record = this.scratch
    for (let row = 0; row < page.count; row++)
      this.engine.upsert(readTicketRecord(page, row, record))
    if (this.whereIndex !== null) this.indexPage(this.whereIndex, index)
  }

  /** The engine's rule: a version at least as new as the held one replaces it. */
  private indexPage(where: Map<number, number>, index: number): void {
    const page = this.pages[index] as TicketColumns
    const n = page.count
    for (let row = 0; row < n; row++) {
      const id = page.numbers[row] as number
      const held = where.get(id)
      if (held !== undefined) {
        const heldPage = this.pages[Math.floor(held / PAGE_ROWS_MAX)] as TicketColumns
        const heldUpdated = heldPage.numbers[2 * heldPage.count + (held % PAGE_ROWS_MAX)] as number
        if ((page.numbers[2 * n + row] as number) < heldUpdated) continue
        if (this.contactsIndex !== null && where === this.whereIndex) {
          const c = heldPage.count
          const r = held % PAGE_ROWS_MAX
          removeContact(
            this.contactsIndex,
            heldPage.numbers[4 * c + r] as number,
            heldPage.numbers[c + r] as number,
          )
        }
      }
      if (this.contactsIndex !== null && where === this.whereIndex)
        addContact(
          this.contactsIndex,
          page.numbers[4 * n + row] as number,
          page.numbers[n + row] as number,
        )
      where.set(id, index * PAGE_ROWS_MAX + row)
    }
  }

  private get where(): Map<number, number> {
    if (this.whereIndex === null) {
      const where = new Map<number, number>()
      for (let i = 0; i < this.pages.length; i++) this.indexPage(where, i)
      this.whereIndex = where
    }
    return this.whereIndex
  }

  addEventPage(page: EventPageRecord): void {
    this.eventPages.push(page)
    // one reusable event: the engine folds each into its SLA targets and keeps no reference
    const e = {} as SlaEvent
    const each = function* (): Generator<SlaEvent> {
      for (let i = 0; i < page.count; i++) yield fillEvent(page, i, e)
    }
    this.engine.addSlaEvents(each())
    if (this.eventIndex !== null) for (const event of readEvents(page)) this.indexEvent(event)
  }

  private indexEvent(e: SlaEvent): void {
    const index = this.eventIndex as Map<number, SlaEvent[]>
    const list = index.get(e.ticketId)
    if (list === undefined) index.set(e.ticketId, [e])
    // a repeat (read twice across a time boundary) replaces nothing
    else if (!list.some((x) => x.id === e.id && x.type === e.type && x.time === e.time))
      list.push(e)
  }

  ticket(id: number): StoredTicket | undefined {
    const at = this.where.get(id)
    if (at === undefined) return undefined
    return readStoredTicket(
      this.pages[Math.floor(at / PAGE_ROWS_MAX)] as TicketColumns,
      at % PAGE_ROWS_MAX,
    )
  }

  *tickets(): Iterable<StoredTicket> {
    for (const at of this.where.values()) {
      yield readStoredTicket(
        this.pages[Math.floor(at / PAGE_ROWS_MAX)] as TicketColumns,
        at % PAGE_ROWS_MAX,
      )
    }
  }

  requesterContacts(): RequesterContacts {
    if (this.contactsIndex === null) {
      // counted first, then filled into one buffer: each requester's list is a view of it, so a
      // million tickets make no per-requester arrays that grow
      const where = this.where
      const slotOf = new Map<number, number>()
      const requesters: number[] = []
      const slots = new Int32Array(where.size)
      const times = new Float64Array(where.size)
      let n = 0
      for (const at of where.values()) {
        const page = this.pages[Math.floor(at / PAGE_ROWS_MAX)] as TicketColumns
        const row = at % PAGE_ROWS_MAX
        const requester = page.numbers[4 * page.count + row] as number
        if (Number.isNaN(requester)) continue
        let slot = slotOf.get(requester)
        if (slot === undefined) {
          slot = requesters.length
          slotOf.set(requester, slot)
          requesters.push(requester)
        }
        slots[n] = slot
        times[n] = page.numbers[page.count + row] as number
        n++
      }
      const offsets = new Int32Array(requesters.length + 1)
      for (let i = 0; i < n; i++) (offsets[(slots[i] as number) + 1] as number)++
      for (let s = 0; s < requesters.length; s++)
        offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number)
      const fill = offsets.slice(0, requesters.length)
      const all = new Float64Array(n)
      for (let i = 0; i < n; i++) all[(fill[slots[i] as number] as number)++] = times[i] as number
      const index = new Map<number, Float64Array>()
      for (let s = 0; s < requesters.length; s++) {
        const from = offsets[s] as number
        const to = offsets[s + 1] as number
        // most requesters have a few tickets: sorted in place (creation times are finite)
        if (to - from > 16) all.subarray(from, to).sort()
        else
          for (let i = from + 1; i < to; i++) {
            const t = all[i] as number
            let j = i - 1
            while (j >= from && (all[j] as number) > t) {
              all[j + 1] = all[j] as number
              j--
            }
            all[j + 1] = t
          }
        index.set(requesters[s] as number, all.subarray(from, to))
      }
      this.contactsIndex = index
    }
    return this.contactsIndex
  }

  slaEvents(ticketId: number): readonly SlaEvent[] {
    if (this.eventIndex === null) {
      // built on first use: the engine already holds the SLA targets it reports
      this.eventIndex = new Map()
      for (const page of this.eventPages) for (const e of readEvents(page)) this.indexEvent(e)
    }
    return this.eventIndex.get(ticketId) ?? []
  }

  profiles(): ReadonlyMap<number, CustomerProfile> {
    this.profileCache ??= joinProfiles(this.users.values(), this.organizations)
    return this.profileCache
  }

  apply(change: AccountChange): void {
    for (const u of change.users) this.users.set(u.id, u)
    for (const o of change.organizations) this.organizations.set(o.id, o)
    for (const g of change.groups) this.groups.set(g.id, g)
    if (change.users.length > 0 || change.organizations.length > 0) this.profileCache = null
    for (let i = 0; i < change.tickets.length; i += PAGE_ROWS_MAX) {
      const page = decodeTicketPage(encodeTicketPage(change.tickets.slice(i, i + PAGE_ROWS_MAX)))
      // records that would not survive the store are left out here too, and said so
      if (typeof page === 'string') this.problem('change', i, page)
      else this.addTicketPage(page)
    }
    if (change.slaEvents.length > 0) this.addEventPage(encodeEventPage(change.slaEvents))
  }
}

/** First position in ascending `times` not below `t`. */
function lowerBound(times: Float64Array, t: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((times[mid] as number) < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Adds one ticket's creation time to its requester's sorted list (no requester: nothing). */
function addContact(index: Map<number, Float64Array>, requester: number, createdAt: number): void {
  if (Number.isNaN(requester)) return
  const times = index.get(requester)
  if (times === undefined) {
    index.set(requester, Float64Array.of(createdAt))
    return
  }
  const at = lowerBound(times, createdAt)
  const next = new Float64Array(times.length + 1)
  next.set(times.subarray(0, at))
  next[at] = createdAt
  next.set(times.subarray(at), at + 1)
  index.set(requester, next)
}

/** Removes one occurrence of a replaced version's creation time from its requester's list. */
function removeContact(
  index: Map<number, Float64Array>,
  requester: number,
  createdAt: number,
): void {
  const times = index.get(requester)
  if (times === undefined) return
  const at = lowerBound(times, createdAt)
  if (times[at] !== createdAt) return
  if (times.length === 1) {
    index.delete(requester)
    return
  }
  const next = new Float64Array(times.length - 1)
  next.set(times.subarray(0, at))
  next.set(times.subarray(at + 1), at)
  index.set(requester, next)
}

/**
 * Rebuilds the synced account from the store: every committed ticket page replayed in commit
 * order (newest version wins), every SLA event, and people by id. A record that cannot be read
 * (cut short, damaged, another version's) is skipped, counted and described in `problems`; the
 * rest loads. Never throws on data.
 *
 * @example
 * const account = await loadAccount(await openAccountStore(name))
 * account.engine.report({ from: '2026-10-01', to: '2026-11-01' }).tickets.created
 */
export async function loadAccount(
  db: SyncDb,
  options: { onTimings?: (timings: { readMs: number; replayMs: number }) => void } = {},
): Promise<LoadedAccount> {
  const started = performance.now()
  let readMs = 0
  const tx = db.transaction(
    ['ticketPages', 'eventPages', 'users', 'organizations', 'groups'],
    'readonly',
  )
  const pageStore = tx.objectStore('ticketPages')
  const rest = Promise.all([
    tx.objectStore('eventPages').getAllKeys(),
    tx.objectStore('eventPages').getAll(),
    tx.objectStore('users').getAll(),
    tx.objectStore('organizations').getAll(),
    tx.objectStore('groups').getAll(),
  ])
  // ticket pages in batches, the next one always asked for before this one is replayed: the
  // browser reads while the engine takes the rows (and the transaction stays open)
  const batch = (after: number | null) => {
    const range = after === null ? null : IDBKeyRange.lowerBound(after, true)
    return Promise.all([
      pageStore.getAllKeys(range, LOAD_BATCH),
      pageStore.getAll(range, LOAD_BATCH),
    ])
  }
  const pageCount = await pageStore.count()
  let next: ReturnType<typeof batch> | null = batch(null)
  let account: StoreAccount | null = null
  while (next !== null) {
    const waited = performance.now()
    const [keys, pages]: Awaited<ReturnType<typeof batch>> = await next
    readMs += performance.now() - waited
    next = keys.length === LOAD_BATCH ? batch(keys[keys.length - 1] as number) : null
    if (account === null) {
      // room for every row up front, guessed from the first batch (the engine grows if needed)
      let rows = 0
      for (const p of pages as unknown[]) {
        const count = (p as { count?: unknown } | null)?.count
        rows += typeof count === 'number' && count > 0 ? count : 0
      }
      account = new StoreAccount(Math.ceil((rows / Math.max(1, pages.length)) * pageCount))
    }
    for (let i = 0; i < pages.length; i++) {
      const page = decodeTicketPage(pages[i])
      if (typeof page === 'string') account.problem('ticketPages', keys[i], page)
      else account.addTicketPage(page)
    }
  }
  account ??= new StoreAccount(0)
  const waited = performance.now()
  const [eventKeys, events, users, organizations, groups] = await rest
  await tx.done
  readMs += performance.now() - waited
  events.forEach((page, i) => {
    const problem = eventPageProblem(page)
    if (problem === null) account.addEventPage(page)
    else account.problem('eventPages', eventKeys[i], problem)
  })
  for (const [store, list, check, into] of [
    ['users', users, userProblem, account.users],
    ['organizations', organizations, organizationProblem, account.organizations],
    ['groups', groups, groupProblem, account.groups],
  ] as const) {
    for (const value of list as unknown[]) {
      const problem = check(value)
      const key = (value as { id?: unknown } | null)?.id
      if (problem === null) (into as Map<number, unknown>).set(key as number, value)
      else account.problem(store, key, problem)
    }
  }
  // readMs: time spent waiting for the store; the rest is replay
  const totalMs = performance.now() - started
  options.onTimings?.({ readMs: Math.round(readMs), replayMs: Math.round(totalMs - readMs) })
  return account
}

/**
 * An account with nothing synced yet (for a first run, before any page is committed).
 *
 * @example
 * emptyAccount().engine.size //=> 0
 */
export function emptyAccount(): LoadedAccount {
  return new StoreAccount(1024)
}

/**
 * Folds one committed page's change into an account from `loadAccount` or `emptyAccount`: the
 * engine's tickets and SLA targets, the extras, people. Same rule as loading: the newest version
 * wins, so applying a change twice changes nothing.
 *
 * @example
 * sync = createTeamSync({ client, db, onCommit: (change) => applyChange(account, change) })
 */
export function applyChange(account: LoadedAccount, change: AccountChange): void {
  if (!(account instanceof StoreAccount))
    throw new TypeError('applyChange: the account must come from loadAccount or emptyAccount')
  account.apply(change)
}
