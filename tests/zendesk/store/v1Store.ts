// A version 1 store, written as version 1 of the app wrote it (schema and record shapes copied
// from src/zendesk/sync/db.ts and teamSync.ts at version 1): one record per ticket, user,
// organization and SLA event, and the two cursors in `meta`. Used to test the upgrade to version 2
// from a real version 1 database.
import { openDB } from 'idb'
import type { IDBPDatabase } from 'idb'

import type { ZendeskClient } from '@/zendesk/api'
import { fetchIncrementalTicketsPage, fetchMetricEventsPage } from '@/zendesk/api'
import { normalizeMetricEventPage, normalizeTicketPage } from '@/zendesk/normalize'
import type { ReasonCounts } from '@/zendesk/normalize'

export type V1Db = IDBPDatabase<unknown>

/** Version 1's `openAccountStore`. */
export function openV1Db(name: string): Promise<V1Db> {
  return openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('tickets', { keyPath: 'id' })
      db.createObjectStore('users', { keyPath: 'id' })
      db.createObjectStore('organizations', { keyPath: 'id' })
      db.createObjectStore('slaEvents', { keyPath: 'id' })
      db.createObjectStore('meta')
    },
  })
}

type RawUser = {
  id: number
  name: string
  email?: string | null
  role?: string
  tags?: string[]
  user_fields?: Record<string, unknown>
  organization_id?: number | null
}
type RawOrg = {
  id: number
  name: string
  tags?: string[]
  organization_fields?: Record<string, unknown>
}

/** Version 1's user and organization mapping. */
const v1User = (u: RawUser) => ({
  id: u.id,
  name: u.name,
  email: u.email ?? null,
  role: u.role ?? null,
  tags: u.tags ?? [],
  userFields: u.user_fields ?? {},
  organizationId: u.organization_id ?? null,
})
const v1Org = (o: RawOrg) => ({
  id: o.id,
  name: o.name,
  tags: o.tags ?? [],
  organizationFields: o.organization_fields ?? {},
})

/**
 * Version 1's admin sync: the incremental export from `startTime = 0` to its end, each page in one
 * transaction with its cursor, then the metric events. Returns the number of ticket pages.
 */
export async function syncV1(client: ZendeskClient, db: V1Db, perPage: number): Promise<number> {
  let cursor: string | null = null
  let pagesDone = 0
  let ticketsSynced = 0
  let deleted = 0
  const reasons: ReasonCounts = {}
  for (;;) {
    const page = await fetchIncrementalTicketsPage(
      client,
      cursor !== null ? { cursor } : { startTime: 0 },
      { perPage },
    )
    const n = normalizeTicketPage(page)
    for (const [k, v] of Object.entries(n.reasons))
      reasons[k as keyof ReasonCounts] = (reasons[k as keyof ReasonCounts] ?? 0) + v
    cursor = page.after_cursor ?? cursor
    pagesDone += page.tickets.length > 0 ? 1 : 0
    ticketsSynced += n.records.length
    deleted += n.records.filter((r) => r.status === 'deleted').length
    const tx = db.transaction(['tickets', 'users', 'organizations', 'meta'], 'readwrite')
    for (const r of n.records) void tx.objectStore('tickets').put(r)
    for (const u of page.users ?? []) void tx.objectStore('users').put(v1User(u))
    for (const o of page.organizations ?? []) void tx.objectStore('organizations').put(v1Org(o))
    void tx.objectStore('meta').put(
      {
        source: 'incremental',
        fallbackReason: null,
        slaAvailable: true,
        startTime: 0,
        cursor,
        cursorIssuedAt: null,
        passSince: null,
        passStartedAt: null,
        passTotal: null,
        passDone: 0,
        caughtUp: page.end_of_stream,
        pagesDone,
        ticketsSynced,
        deleted,
        skipped: 0,
        reasons,
        lastGenerated: null,
        firstGenerated: null,
        expectedTotal: null,
        updatedAt: 0,
      },
      'tickets',
    )
    await tx.done
    if (page.end_of_stream) break
  }
  let startTime = 0
  for (let eventPages = 0; ;) {
    const page = await fetchMetricEventsPage(client, startTime)
    const { events } = normalizeMetricEventPage(page)
    const done = page.end_of_stream ?? page.ticket_metric_events.length < 1000
    startTime = page.end_time
    eventPages += events.length > 0 ? 1 : 0
    const tx = db.transaction(['slaEvents', 'meta'], 'readwrite')
    for (const e of events) void tx.objectStore('slaEvents').put(e)
    const count = await tx.objectStore('slaEvents').count()
    void tx
      .objectStore('meta')
      .put(
        { startTime, caughtUp: done, pagesDone: eventPages, events: count, updatedAt: 0 },
        'events',
      )
    await tx.done
    if (done) break
  }
  return pagesDone
}
