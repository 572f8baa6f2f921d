import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

import { BASELINE_SCHEMA_VERSION, baselineRecord } from '@/core'
import type { AccountBaseline } from '@/core'
import { createZendeskClient } from '@/zendesk/api'
import {
  BASELINE_CACHE_MS,
  BASELINE_EXTERNAL_ID,
  BASELINE_OBJECT_KEY,
  baselineCacheKey,
  publishBaseline,
  readSharedBaseline,
} from '@/zendesk/baseline'
import { createGovernor } from '@/zendesk/governor'

import { createSimTransport, simTimer } from '../support/simTransport'

const baseline: AccountBaseline = {
  valueThresholds: { silver: 2000, gold: 10_000, platinum: 50_000 },
  estimateThresholds: null,
  typicalValue: 1500,
  typicalEstimate: null,
  medianWaitMinutes: 90,
  effortMinutes: { byChannel: { email: 240 }, overall: 300 },
  channelRisk: { email: 0.5, web: 1 },
}
const T0 = Date.parse('2026-10-31T12:00:00Z')
const record = baselineRecord(baseline, { computedAt: T0, currency: 'EUR' })

/** A localStorage stand-in (node has none). */
function memoryStorage() {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  }
}

/** A lock manager stand-in: one holder per name at a time, in request order. */
function memoryLocks() {
  const tails = new Map<string, Promise<unknown>>()
  const names: string[] = []
  const request = (<T>(name: string, run: () => Promise<T>): Promise<T> => {
    names.push(name)
    const prev = tails.get(name) ?? Promise.resolve()
    const next = prev.then(run, run)
    tails.set(
      name,
      next.catch(() => undefined),
    )
    return next
  }) as unknown as LockManager['request']
  return { request, names }
}

function setup(options: { installed?: boolean } = {}) {
  const account = createSimAccount({ tickets: 50, seed: 3 })
  const core = createSimCore(account)
  const transport = createSimTransport(core)
  const client = createZendeskClient(createGovernor(transport, { timer: simTimer(account) }))
  const admin = async (method: 'POST' | 'PATCH', path: string, body: unknown) => {
    const res = await transport.send({ method, path, body })
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`)
  }
  const install = async () => {
    await admin('POST', '/api/v2/custom_objects', {
      custom_object: {
        key: BASELINE_OBJECT_KEY,
        title: 'Retention Radar baseline',
        title_pluralized: 'Retention Radar baselines',
      },
    })
    for (const [key, type] of [
      ['payload', 'textarea'],
      ['schema_version', 'integer'],
      ['computed_at', 'text'],
    ]) {
      await admin('POST', `/api/v2/custom_objects/${BASELINE_OBJECT_KEY}/fields`, {
        custom_object_field: { key, type, title: key },
      })
    }
  }
  /** Writes a record as some other writer would (another app version, a hand edit). */
  const writeRaw = (fields: Record<string, unknown>) =>
    admin(
      'PATCH',
      `/api/v2/custom_objects/${BASELINE_OBJECT_KEY}/records?external_id=${BASELINE_EXTERNAL_ID}`,
      {
        custom_object_record: { name: 'Account baseline', custom_object_fields: fields },
      },
    )
  const storage = memoryStorage()
  const ready = options.installed === false ? Promise.resolve() : install()
  return { core, transport, client, storage, ready, writeRaw }
}

describe('the shared baseline on the simulator', () => {
  it('publishes the record and reads it back with one GET, then from the cache for a day', async () => {
    const { client, storage, ready, transport } = setup()
    await ready
    await publishBaseline(client, record)
    const sent = transport.sent
    const first = await readSharedBaseline(client, { account: 'acme', storage, now: () => T0 })
    expect(transport.sent - sent).toBe(1)
    expect(first).toMatchObject({ status: 'ok', from: 'zendesk', computedAt: T0, record, baseline })
    const later = await readSharedBaseline(client, {
      account: 'acme',
      storage,
      now: () => T0 + BASELINE_CACHE_MS - 1,
    })
    expect(later).toMatchObject({ status: 'ok', from: 'cache' })
    expect(transport.sent - sent).toBe(1)
    const nextDay = await readSharedBaseline(client, {
      account: 'acme',
      storage,
      now: () => T0 + BASELINE_CACHE_MS,
    })
    expect(nextDay).toMatchObject({ status: 'ok', from: 'zendesk' })
    expect(transport.sent - sent).toBe(2)
  })

  it('updates the one record in place (upsert by external id)', async () => {
    const { client, ready, core } = setup()
    await ready
    await publishBaseline(client, record)
    const newer = baselineRecord(baseline, { computedAt: T0 + 1000, currency: 'EUR' })
    await publishBaseline(client, newer)
    const res = await core.fetch(
      new Request(`https://x.zendesk.com/api/v2/custom_objects/${BASELINE_OBJECT_KEY}/records`),
    )
    const body = (await res.json()) as {
      custom_object_records: { custom_object_fields: Record<string, unknown> }[]
    }
    expect(body.custom_object_records).toHaveLength(1)
    expect(body.custom_object_records[0]?.custom_object_fields).toMatchObject({
      schema_version: BASELINE_SCHEMA_VERSION,
      computed_at: newer.computedAt,
    })
  })

  it('says "no baseline yet" when nothing is published, and falls back to the settings', async () => {
    const { client, storage, ready } = setup()
    await ready
    const answer = await readSharedBaseline(client, { account: 'acme', storage })
    expect(answer).toMatchObject({
      status: 'missing',
      reason: 'no-record',
      fallback: 'threshold-settings',
      message: expect.stringContaining('No shared baseline yet') as unknown,
    })
  })

  it('says the custom object is not installed on a 404', async () => {
    const { client, storage } = setup({ installed: false })
    const answer = await readSharedBaseline(client, { account: 'acme', storage })
    expect(answer).toMatchObject({ status: 'missing', reason: 'no-object' })
    expect(answer.status !== 'ok' && answer.message).toContain(BASELINE_OBJECT_KEY)
  })

  it('refuses a record with bad JSON and names the problem', async () => {
    const { client, storage, ready, writeRaw } = setup()
    await ready
    await writeRaw({ payload: '{"schemaVersion":1,', schema_version: 1 })
    const answer = await readSharedBaseline(client, { account: 'acme', storage })
    expect(answer).toMatchObject({
      status: 'invalid',
      reason: 'badJson',
      fallback: 'threshold-settings',
      message: expect.stringContaining('not JSON') as unknown,
    })
  })

  it('refuses a record from another app version', async () => {
    const { client, storage, ready, writeRaw } = setup()
    await ready
    await writeRaw({ payload: JSON.stringify({ ...record, schemaVersion: 2 }), schema_version: 2 })
    const answer = await readSharedBaseline(client, { account: 'acme', storage })
    expect(answer).toMatchObject({
      status: 'invalid',
      reason: 'otherVersion',
      message: expect.stringContaining('schema version 2') as unknown,
    })
  })

  it('ignores a corrupt cache entry and asks Zendesk', async () => {
    const { client, storage, ready, transport } = setup()
    await ready
    await publishBaseline(client, record)
    for (const junk of ['{not json', '{"v":1,"fetchedAt":"soon"}', '[]']) {
      storage.items.set(baselineCacheKey('acme'), junk)
      const sent = transport.sent
      const answer = await readSharedBaseline(client, { account: 'acme', storage, now: () => T0 })
      expect(answer).toMatchObject({ status: 'ok', from: 'zendesk' })
      expect(transport.sent - sent).toBe(1)
    }
  })

  it('keeps accounts apart in the cache', async () => {
    const { client, storage, ready } = setup()
    await ready
    await publishBaseline(client, record, { account: 'acme', storage, now: () => T0 })
    expect(storage.items.has(baselineCacheKey('acme'))).toBe(true)
    expect(storage.items.has(baselineCacheKey('globex'))).toBe(false)
  })

  it('asks Zendesk once when two frames read at the same moment under the lock', async () => {
    const { client, storage, ready, transport } = setup()
    await ready
    await publishBaseline(client, record)
    const locks = memoryLocks()
    const sent = transport.sent
    const options = { account: 'acme', storage, locks, now: () => T0 }
    const [sidebar, background] = await Promise.all([
      readSharedBaseline(client, options),
      readSharedBaseline(client, options),
    ])
    expect(transport.sent - sent).toBe(1)
    expect(sidebar).toMatchObject({ status: 'ok', from: 'zendesk', baseline })
    expect(background).toMatchObject({ status: 'ok', from: 'cache', baseline })
    expect(locks.names).toEqual([baselineCacheKey('acme'), baselineCacheKey('acme')])
  })

  it('takes a forced read from an answer fetched while it waited, not from an older one', async () => {
    const { client, storage, ready, transport } = setup()
    await ready
    await publishBaseline(client, record)
    const locks = memoryLocks()
    let now = T0
    const options = { account: 'acme', storage, locks, now: () => now }
    await readSharedBaseline(client, options)
    const sent = transport.sent
    now = T0 + 60_000
    // two notices at once: one request between them
    const both = await Promise.all([
      readSharedBaseline(client, { ...options, force: true }),
      readSharedBaseline(client, { ...options, force: true }),
    ])
    expect(both.map((b) => b.status === 'ok' && b.from)).toEqual(['zendesk', 'cache'])
    expect(transport.sent - sent).toBe(1)
  })

  it('still reads when the lock manager refuses', async () => {
    const { client, storage, ready } = setup()
    await ready
    await publishBaseline(client, record)
    const locks = { request: () => Promise.reject(new Error('SecurityError')) }
    const answer = await readSharedBaseline(client, { account: 'acme', storage, locks })
    expect(answer).toMatchObject({ status: 'ok', from: 'zendesk' })
  })

  it('reports a failed request without caching it', async () => {
    const { storage } = setup()
    const failing = createZendeskClient(
      createGovernor(
        {
          kind: 'custom',
          send: () => Promise.resolve({ status: 403, headers: {}, text: '{"error":"Forbidden"}' }),
        },
        { maxTries: 1 },
      ),
    )
    const answer = await readSharedBaseline(failing, { account: 'acme', storage })
    expect(answer).toMatchObject({ status: 'unavailable', reason: 'forbidden' })
    expect(storage.items.size).toBe(0)
  })
})
