// The account store over fake-indexeddb and the simulator: the upgrade from a real version 1
// database, loadAccount and applyChange against the pages the sync committed, and bad input
// (damaged records, a full disk, a store from a newer version).
import 'fake-indexeddb/auto'

import path from 'node:path'

import { openDB } from 'idb'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

import { KpiEngine } from '@/core'
import type { TicketRecord } from '@/core'
import { createZendeskClient } from '@/zendesk/api'
import { createGovernor, createVirtualTimer } from '@/zendesk/governor'
import {
  StoreError,
  applyChange,
  emptyAccount,
  loadAccount,
  openAccountStore,
  readEventState,
  readStoreInfo,
  readTicketState,
} from '@/zendesk/store'
import type { AccountChange, SyncDb } from '@/zendesk/store'
import { createTeamSync } from '@/zendesk/sync'
import { createSimTransport } from '../support/simTransport'
import { storedEvents, storedTickets } from '../support/storeContent'
import { openV1Db, syncV1 } from './v1Store'

jest.setTimeout(120_000)

const PER_PAGE = 50
const RANGE = { from: '2025-01-01', to: '2026-11-01', timeZone: 'Europe/Madrid' }
let dbCount = 0
const dbName = (): string => `store-test-${++dbCount}`

function setup(tickets = 300) {
  const account = createSimAccount({ tickets, seed: 11 })
  const core = createSimCore(account, { rateLimits: false })
  const timer = createVirtualTimer(account.clock.now())
  const client = () => createZendeskClient(createGovernor(createSimTransport(core), { timer }))
  return { account, core, timer, client }
}

type Setup = ReturnType<typeof setup>

async function syncV2(s: Setup, db: SyncDb, onCommit?: (c: AccountChange) => void) {
  const sync = createTeamSync({
    client: s.client(),
    db,
    timer: s.timer,
    perPage: PER_PAGE,
    ...(onCommit ? { onCommit } : {}),
  })
  await sync.runOnce()
  return sync
}

const byId = <T extends { id: number }>(list: Iterable<T>): T[] =>
  [...list].sort((a, b) => a.id - b.id)

describe('store upgrade from version 1', () => {
  it('keeps every ticket, user, organization and SLA event and both cursors, then resumes from the cursor', async () => {
    const s = setup(400)
    const name = dbName()
    const v1 = await openV1Db(name)
    const pages = await syncV1(s.client(), v1, PER_PAGE)
    expect(pages).toBe(8)
    const v1Tickets = byId((await v1.getAll('tickets')) as TicketRecord[])
    const v1Users = byId((await v1.getAll('users')) as { id: number; userFields: object }[])
    const v1Orgs = byId((await v1.getAll('organizations')) as { id: number; name: string }[])
    const v1Events = byId((await v1.getAll('slaEvents')) as { id: number }[])
    const v1Meta = (await v1.get('meta', 'tickets')) as { cursor: string; pagesDone: number }
    const v1EventMeta = (await v1.get('meta', 'events')) as { startTime: number }
    v1.close()
    expect(v1Tickets.length).toBe(400)
    expect(v1Events.length).toBeGreaterThan(0)

    const db = await openAccountStore(name)
    expect(db.version).toBe(2)
    expect([...db.objectStoreNames].sort()).toEqual(
      ['eventPages', 'groups', 'meta', 'organizations', 'ticketPages', 'users'].sort(),
    )
    expect(await readStoreInfo(db)).toMatchObject({
      version: 2,
      upgradedFrom: 1,
      upgradeSkipped: 0,
      upgradeProblems: [],
    })
    // both cursors, untouched
    expect(await readTicketState(db)).toMatchObject({ cursor: v1Meta.cursor, pagesDone: 8 })
    expect((await readEventState(db))?.startTime).toBe(v1EventMeta.startTime)

    const account = await loadAccount(db)
    expect(account.problems).toEqual([])
    expect(byId([...account.tickets()].map((t) => t.ticket))).toEqual(v1Tickets)
    expect(byId(account.users.values()).map((u) => u.id)).toEqual(v1Users.map((u) => u.id))
    expect(account.users.get(v1Users[0]!.id)?.fields).toEqual(v1Users[0]!.userFields)
    expect(byId(account.organizations.values()).map((o) => o.name)).toEqual(
      v1Orgs.map((o) => o.name),
    )
    expect(await storedEvents(db)).toEqual(v1Events)
    const reference = new KpiEngine()
    reference.upsertMany(v1Tickets)
    expect(account.engine.report(RANGE).tickets).toEqual(reference.report(RANGE).tickets)

    // the sync goes on from the stored cursor: no export restarts from start_time
    const before = s.core.log.entries.length
    await syncV2(s, db)
    const exports = s.core.log.entries
      .slice(before)
      .filter((e) => e.path.startsWith('/api/v2/incremental/tickets/cursor'))
    expect(exports.length).toBeGreaterThan(0)
    expect(
      exports.every((e) => e.query.includes('cursor=') && !e.query.includes('start_time')),
    ).toBe(true)
    expect(await storedTickets(db)).toEqual(v1Tickets)
    db.close()
  })

  it('leaves out a damaged version 1 record, says which and why, and keeps the rest', async () => {
    const s = setup(120)
    const name = dbName()
    const v1 = await openV1Db(name)
    await syncV1(s.client(), v1, PER_PAGE)
    await v1.put('tickets', { id: 5, status: 'weird', createdAt: 1, updatedAt: 1 })
    await v1.put('users', { id: -7, name: 'Broken' })
    v1.close()
    const db = await openAccountStore(name)
    const info = await readStoreInfo(db)
    expect(info?.upgradeSkipped).toBe(2)
    expect(info?.upgradeProblems).toEqual(
      expect.arrayContaining(['ticket 5: status weird', 'users -7: user without a valid id']),
    )
    const tickets = await storedTickets(db)
    expect(tickets).toHaveLength(119)
    expect(tickets.some((t) => t.id === 5)).toBe(false)
    db.close()
  })

  it('refuses a store written by a newer version, with a clear message, and leaves it untouched', async () => {
    const name = dbName()
    const newer = await openDB(name, 3, {
      upgrade(db) {
        db.createObjectStore('future')
      },
    })
    await newer.put('future', { kept: true }, 1)
    newer.close()
    const err = (await openAccountStore(name).catch((e: unknown) => e)) as StoreError
    expect(err).toBeInstanceOf(StoreError)
    expect(err.code).toBe('newer_version')
    expect(err.message).toMatch(/written by a newer version of Retention Radar.*left untouched/)
    const again = await openDB(name, 3)
    expect(await again.get('future', 1)).toEqual({ kept: true })
    again.close()
  })
})

describe('loadAccount and applyChange', () => {
  it('rebuild the engine, the extras and the people the sync committed', async () => {
    const s = setup(300)
    const db = await openAccountStore(dbName())
    const changes: AccountChange[] = []
    await syncV2(s, db, (c) => changes.push(c))
    const account = await loadAccount(db)
    expect(account.problems).toEqual([])

    // the same as folding every committed change into an empty account
    const live = emptyAccount()
    for (const c of changes) applyChange(live, c)
    expect(live.engine.report(RANGE)).toEqual(account.engine.report(RANGE))
    expect(byId([...live.tickets()].map((t) => ({ ...t, id: t.ticket.id })))).toEqual(
      byId([...account.tickets()].map((t) => ({ ...t, id: t.ticket.id }))),
    )
    // applying a change again changes no figure (newest version wins; the repeats are counted)
    for (const c of changes) applyChange(live, c)
    const figures = ({ dataQuality, ...rest }: ReturnType<KpiEngine['report']>) => {
      expect(dataQuality.records - dataQuality.skipped).toBe(300)
      return rest
    }
    expect(figures(live.engine.report(RANGE))).toEqual(figures(account.engine.report(RANGE)))

    // extras: the ticket as the API shows it
    const view = s.account.tickets().find((v) => v.state.status !== 'deleted')!
    const json = s.account.ticketJson(view)
    const stored = account.ticket(view.lifecycle.id)!
    expect(stored.subject).toBe(json.subject)
    expect(stored.tags).toEqual((json.tags as string[]).map((t) => t.toLowerCase()))
    expect(stored.priority).toBe(json.priority ?? null)
    expect(stored.ticket.requesterId).toBe(json.requester_id)

    // people: requesters with created_at, fields and role; groups and agents with names
    const requester = account.users.get(json.requester_id as number)!
    expect(requester.createdAt).toEqual(expect.any(Number))
    expect(requester.role).toBe('end-user')
    expect(account.groups.size).toBeGreaterThanOrEqual(3)
    expect([...account.groups.values()].every((g) => g.name !== '')).toBe(true)
    const agents = [...account.users.values()].filter(
      (u) => u.role === 'agent' || u.role === 'admin',
    )
    expect(agents.length).toBeGreaterThanOrEqual(8)
    expect(account.profiles().get(requester.id)?.fields).toEqual(requester.fields)
    // SLA events by ticket
    const withEvents = (await storedEvents(db))[0]!
    expect(account.slaEvents(withEvents.ticketId)).toContainEqual(withEvents)
    db.close()
  })

  it('skips a damaged or half-written record, counts and describes it, and loads the rest', async () => {
    const s = setup(200)
    const db = await openAccountStore(dbName())
    await syncV2(s, db)
    const before = await loadAccount(db)
    const [key] = await db.getAllKeys('ticketPages')
    const good = (await db.get('ticketPages', key!))!
    // a page cut short, one from another format, a user without a name
    const cut = await db.add('ticketPages', { ...good, columns: good.columns.slice(0, 80) })
    const old = await db.add('ticketPages', { ...good, format: 'tickets/1' } as never)
    await db.put('users', { id: 4242, tags: [] } as never)
    const after = await loadAccount(db)
    expect(after.skippedRecords).toBe(3)
    expect(after.problems).toEqual([
      {
        store: 'ticketPages',
        key: String(cut),
        message: `columns holds 80 bytes, expected ${good.columns.byteLength} for ${good.count} tickets`,
      },
      {
        store: 'ticketPages',
        key: String(old),
        message: 'format is "tickets/1", expected "tickets/2"',
      },
      { store: 'users', key: '4242', message: 'user 4242 has no name' },
    ])
    expect(after.engine.report(RANGE)).toEqual(before.engine.report(RANGE))
    expect(after.users.size).toBe(before.users.size)
    db.close()
  })
})

describe('a full disk while writing', () => {
  // fake-indexeddb's record store: the quota error is raised where a browser raises it, inside
  // the request, so the transaction aborts with QuotaExceededError
  // (the package exports no path to it, so it is found next to the package's entry point)
  const RawStore = // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(path.dirname(require.resolve('fake-indexeddb')), 'lib/ObjectStore.js')) as {
      prototype: { storeRecord: (...args: unknown[]) => unknown; name: string }
    }

  it('stops the sync with a clear error, keeps the cursor and what was stored, and resumes', async () => {
    const s = setup(300)
    const reference = await openAccountStore(dbName())
    await syncV2(s, reference)
    const expected = await storedTickets(reference)

    const db = await openAccountStore(dbName())
    const original = RawStore.prototype.storeRecord
    let pages = 0
    const spy = jest.spyOn(RawStore.prototype, 'storeRecord').mockImplementation(function (
      this: { name: string },
      ...args: unknown[]
    ) {
      if (this.name === 'ticketPages' && ++pages > 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return original.apply(this, args)
    })
    const sync = createTeamSync({ client: s.client(), db, timer: s.timer, perPage: PER_PAGE })
    await sync.start()
    spy.mockRestore()
    const progress = sync.progress()
    expect(progress.phase).toBe('failed')
    expect(progress.error).toBeInstanceOf(StoreError)
    expect(progress.error).toMatchObject({ code: 'quota_exceeded' })
    expect(progress.error?.message).toMatch(/storage quota .* full; the page was not stored/)
    expect(await readTicketState(db)).toMatchObject({ pagesDone: 2 })
    expect(await storedTickets(db)).toHaveLength(2 * PER_PAGE)

    await syncV2(s, db)
    expect(await storedTickets(db)).toEqual(expected)
    db.close()
    reference.close()
  })
})
