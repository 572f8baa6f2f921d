// Creates the store, or upgrades a version 1 store in place. Version 1 kept one record per ticket
// (`tickets`) and per SLA event (`slaEvents`); version 2 keeps compact pages. The upgrade keeps every
// record it can read and both cursors (`meta` is untouched); records it cannot read are left out,
// counted and described in `meta.store`. It runs inside the versionchange transaction: if anything
// throws, the transaction aborts and the version 1 store stays exactly as it was.

import { CHANNELS, CSAT_SCORES, DURATION_METRICS, isRecord, TICKET_STATUSES } from '@/core'
import type { MinutePair, SlaEvent, TicketRecord } from '@/core'
import type { IDBPDatabase, IDBPTransaction } from 'idb'

import type { CustomerReasonCounts } from '../customers/normalize'
import { normalizeFields, normalizeTags } from '../customers/normalize'
import { normalizeMetricEvent } from '../normalize'
import { encodeEventPage } from './eventPage'
import { writeMeta } from './meta'
import { encodeTicketPage } from './ticketPage'
import type { StoredOrganization, StoredTicket, StoredUser } from './types'

/** Records per page when version 1 records are regrouped. */
const UPGRADE_PAGE = 1000
/** Problems described in `meta.store` (the rest are only counted). */
const PROBLEMS_KEPT = 20

type LooseDb = IDBPDatabase<unknown>
type LooseTx = IDBPTransaction<unknown, string[], 'versionchange'>

const STATUS = new Set<string>(TICKET_STATUSES)
const CHANNEL = new Set<string>(CHANNELS)
const CSAT = new Set<string>(CSAT_SCORES)
const nullableNumber = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null
const idOrNull = (v: unknown): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null

/**
 * A version 1 ticket record checked field by field, or why it cannot be used.
 *
 * @example
 * v1Ticket({ id: 'x' }) //=> 'id is not a positive integer'
 */
export function v1Ticket(v: unknown): TicketRecord | string {
  if (!isRecord(v)) return 'not an object'
  if (idOrNull(v.id) === null) return 'id is not a positive integer'
  if (typeof v.createdAt !== 'number' || !Number.isFinite(v.createdAt)) return 'no createdAt'
  if (typeof v.updatedAt !== 'number' || !Number.isFinite(v.updatedAt)) return 'no updatedAt'
  if (typeof v.status !== 'string' || !STATUS.has(v.status)) return `status ${String(v.status)}`
  const minutes = {} as Record<(typeof DURATION_METRICS)[number], MinutePair>
  const held = isRecord(v.minutes) ? v.minutes : {}
  for (const m of DURATION_METRICS) {
    const value = held[m]
    const pair = isRecord(value) ? value : {}
    minutes[m] = {
      calendar: nullableNumber(pair.calendar),
      business: nullableNumber(pair.business),
    }
  }
  return {
    id: v.id as number,
    status: v.status as TicketRecord['status'],
    channel:
      typeof v.channel === 'string' && CHANNEL.has(v.channel)
        ? (v.channel as TicketRecord['channel'])
        : 'other',
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    solvedAt: nullableNumber(v.solvedAt),
    requesterId: idOrNull(v.requesterId),
    organizationId: idOrNull(v.organizationId),
    assigneeId: idOrNull(v.assigneeId),
    groupId: idOrNull(v.groupId),
    replies: nullableNumber(v.replies),
    reopens: nullableNumber(v.reopens),
    assigneeStations: nullableNumber(v.assigneeStations),
    minutes,
    csat:
      typeof v.csat === 'string' && CSAT.has(v.csat) ? (v.csat as TicketRecord['csat']) : 'none',
  }
}

/** A version 1 user (`userFields`, raw tags, no `createdAt`) in the version 2 shape. */
export function v1User(v: unknown, reasons: CustomerReasonCounts): StoredUser | string {
  if (!isRecord(v) || idOrNull(v.id) === null) return 'user without a valid id'
  return {
    id: v.id as number,
    name: typeof v.name === 'string' ? v.name : '',
    email: typeof v.email === 'string' ? v.email : null,
    role: typeof v.role === 'string' ? v.role : null,
    createdAt: null,
    tags: normalizeTags(v.tags, reasons),
    fields: normalizeFields(v.userFields, reasons),
    organizationId: idOrNull(v.organizationId),
  }
}

/** A version 1 organization (`organizationFields`) in the version 2 shape. */
export function v1Organization(
  v: unknown,
  reasons: CustomerReasonCounts,
): StoredOrganization | string {
  if (!isRecord(v) || idOrNull(v.id) === null) return 'organization without a valid id'
  return {
    id: v.id as number,
    name: typeof v.name === 'string' ? v.name : '',
    tags: normalizeTags(v.tags, reasons),
    fields: normalizeFields(v.organizationFields, reasons),
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

async function migrateV1(db: LooseDb, tx: LooseTx, now: number): Promise<void> {
  const problems: string[] = []
  let skipped = 0
  const skip = (where: string, key: unknown, why: string): void => {
    skipped++
    if (problems.length < PROBLEMS_KEPT) problems.push(`${where} ${String(key)}: ${why}`)
  }

  // tickets: regrouped into pages in version order (one record per id, so order only matters for ties)
  const ticketStore = tx.objectStore('tickets')
  const keys = await ticketStore.getAllKeys()
  const values = await ticketStore.getAll()
  const tickets: StoredTicket[] = []
  values.forEach((v, i) => {
    const t = v1Ticket(v)
    if (typeof t === 'string') skip('ticket', keys[i], t)
    // version 1 did not keep tags, priority or subject: they arrive with the ticket's next version
    else tickets.push({ ticket: t, tags: [], priority: null, subject: '' })
  })
  tickets.sort((a, b) => a.ticket.updatedAt - b.ticket.updatedAt || a.ticket.id - b.ticket.id)
  const pages = tx.objectStore('ticketPages')
  for (const chunk of chunks(tickets, UPGRADE_PAGE)) await pages.add(encodeTicketPage(chunk))

  const eventStore = tx.objectStore('slaEvents')
  const events: SlaEvent[] = []
  for (const v of await eventStore.getAll()) {
    const e = isRecord(v) ? v : {}
    const ok =
      idOrNull(e.ticketId) !== null &&
      typeof e.time === 'number' &&
      Number.isFinite(e.time) &&
      normalizeMetricEvent(
        {
          ticket_id: e.ticketId,
          metric:
            e.metric === 'first_reply_time' || e.metric === 'next_reply_time'
              ? 'reply_time'
              : e.metric,
          instance_id: e.instanceId,
          type: e.type,
          time: new Date(e.time).toISOString(),
        },
        {},
      ) !== null
    if (ok) events.push(v as SlaEvent)
    else skip('SLA event', e.id, 'unreadable fields')
  }
  const eventPages = tx.objectStore('eventPages')
  for (const chunk of chunks(events, UPGRADE_PAGE)) await eventPages.add(encodeEventPage(chunk))

  // users and organizations: rewritten in place in the version 2 shape
  const reasons: CustomerReasonCounts = {}
  for (const [name, convert] of [
    ['users', v1User],
    ['organizations', v1Organization],
  ] as const) {
    const store = tx.objectStore(name)
    let cursor = await store.openCursor()
    while (cursor) {
      const next = convert(cursor.value, reasons)
      if (typeof next === 'string') {
        skip(name, cursor.key, next)
        await cursor.delete()
      } else await cursor.update(next)
      cursor = await cursor.continue()
    }
  }

  db.deleteObjectStore('tickets')
  db.deleteObjectStore('slaEvents')
  await writeMeta(tx.objectStore('meta'), 'store', {
    version: 2,
    upgradedFrom: 1,
    upgradedAt: now,
    upgradeSkipped: skipped,
    upgradeProblems: problems,
  })
}

/**
 * Creates the version 2 stores and, from version 1, moves the records over. Runs in `upgrade`.
 *
 * @example
 * openDB(name, 2, { upgrade: (db, oldVersion, _, transaction) => upgradeStore({ db, oldVersion, transaction, now: Date.now() }) })
 */
export function upgradeStore(options: {
  /** The database and versionchange transaction `upgrade` was given (typed loosely: the old stores are not in the schema). */
  db: object
  oldVersion: number
  transaction: object
  now: number
}): void {
  const db = options.db as unknown as LooseDb
  const tx = options.transaction as unknown as LooseTx
  if (options.oldVersion < 1) {
    db.createObjectStore('users', { keyPath: 'id' })
    db.createObjectStore('organizations', { keyPath: 'id' })
    db.createObjectStore('meta')
  }
  db.createObjectStore('ticketPages', { autoIncrement: true })
  db.createObjectStore('eventPages', { autoIncrement: true })
  db.createObjectStore('groups', { keyPath: 'id' })
  if (options.oldVersion === 1) {
    migrateV1(db, tx, options.now).catch((err: unknown) => {
      // abort: the open fails and the version 1 store is kept as it was
      console.warn('Retention Radar: store upgrade failed', err)
      try {
        tx.abort()
      } catch {
        // already finished
      }
    })
  } else {
    void writeMeta(tx.objectStore('meta'), 'store', {
      version: 2,
      upgradedFrom: null,
      upgradedAt: null,
      upgradeSkipped: 0,
      upgradeProblems: [],
    })
  }
}
