import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { RECORD_MAX_BYTES } from '@sim/custom/customObjects'

const BASE = 'https://retention-radar.zendesk.com'
const OBJECT = '/api/v2/custom_objects/retention_radar_baseline'

type Answer = { status: number; body: unknown }

function setup() {
  const account = createSimAccount({ tickets: 400, seed: 9 })
  const api = createSimCore(account, { rateLimits: false })
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await api.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
    const text = await res.text()
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) }
  }
  return { account, api, call }
}

async function withBaselineObject(call: ReturnType<typeof setup>['call']): Promise<void> {
  const created = await call('POST', '/api/v2/custom_objects.json', {
    custom_object: {
      key: 'retention_radar_baseline',
      title: 'Retention Radar baseline',
      title_pluralized: 'Retention Radar baselines',
      include_in_list_view: false,
    },
  })
  expect(created.status).toBe(201)
  for (const [key, type] of [
    ['payload', 'textarea'],
    ['schema_version', 'integer'],
    ['computed_at', 'text'],
  ]) {
    const f = await call('POST', `${OBJECT}/fields.json`, {
      custom_object_field: { key, type, title: key },
    })
    expect(f.status).toBe(201)
  }
}

/** The `details` of a 422 as one string, to assert on what was wrong and where. */
const details = (a: Answer): string => {
  expect(a.status).toBe(422)
  const body = a.body as { error: string; details: Record<string, { description: string }[]> }
  expect(body.error).toBe('RecordInvalid')
  return Object.entries(body.details)
    .map(([k, list]) => `${k}: ${list.map((d) => d.description).join('; ')}`)
    .join(' | ')
}

describe('custom objects', () => {
  it('creates objects and fields once, with clear 422s for bad or duplicate keys', async () => {
    const { call } = setup()
    await withBaselineObject(call)
    const again = await call('POST', '/api/v2/custom_objects.json', {
      custom_object: { key: 'retention_radar_baseline', title: 'x', title_pluralized: 'xs' },
    })
    expect(details(again)).toContain('already been taken')
    const badKey = await call('POST', '/api/v2/custom_objects.json', {
      custom_object: { key: 'Bad Key', title: 'x', title_pluralized: 'xs' },
    })
    expect(details(badKey)).toContain('"Bad Key"')
    const noTitle = await call('POST', '/api/v2/custom_objects.json', {
      custom_object: { key: 'other', title_pluralized: 'xs' },
    })
    expect(details(noTitle)).toContain('Title: cannot be blank')
    const badType = await call('POST', `${OBJECT}/fields.json`, {
      custom_object_field: { key: 'x', type: 'blob', title: 'X' },
    })
    expect(details(badType)).toContain('"blob"')
    const fields = (await call('GET', `${OBJECT}/fields.json?include_standard_fields=true`))
      .body as { custom_object_fields: { key: string }[] }
    expect(fields.custom_object_fields.map((f) => f.key)).toEqual([
      'standard::name',
      'standard::external_id',
      'payload',
      'schema_version',
      'computed_at',
    ])
    expect((await call('GET', '/api/v2/custom_objects/missing.json')).status).toBe(404)
  })

  it('lets only admins create objects and fields; agents read and write records', async () => {
    const { api, call } = setup()
    api.setSession('agent')
    const denied = await call('POST', '/api/v2/custom_objects.json', {
      custom_object: { key: 'x', title: 'X', title_pluralized: 'Xs' },
    })
    expect(denied.status).toBe(403)
    api.setSession('admin')
    await withBaselineObject(call)
    api.setSession('agent')
    const r = await call('POST', `${OBJECT}/records.json`, { custom_object_record: { name: 'A' } })
    expect(r.status).toBe(201)
  })
})

describe('custom object records', () => {
  it('upserts the account baseline by external id: creates once, then updates only what is sent', async () => {
    const { account, call } = setup()
    await withBaselineObject(call)
    const path = `${OBJECT}/records.json?external_id=account-baseline`
    const first = await call('PATCH', path, {
      custom_object_record: {
        name: 'Account baseline',
        custom_object_fields: { payload: '{"a":1}', schema_version: '1', computed_at: 'x' },
      },
    })
    expect(first.status).toBe(200)
    const created = (first.body as { custom_object_record: Record<string, unknown> })
      .custom_object_record
    expect(created).toMatchObject({
      name: 'Account baseline',
      external_id: 'account-baseline',
      custom_object_key: 'retention_radar_baseline',
      custom_object_fields: { payload: '{"a":1}', schema_version: 1, computed_at: 'x' },
    })
    expect(String(created.id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    account.clock.advance(60_000)
    const second = await call('PATCH', path, {
      custom_object_record: { custom_object_fields: { payload: '{"a":2}' } },
    })
    const updated = (second.body as { custom_object_record: Record<string, unknown> })
      .custom_object_record
    expect(updated.id).toBe(created.id)
    expect(updated.custom_object_fields).toEqual({
      payload: '{"a":2}',
      schema_version: 1,
      computed_at: 'x',
    })
    expect(updated.updated_at).not.toBe(created.updated_at)
    const list = (await call('GET', `${OBJECT}/records.json?filter[external_ids]=account-baseline`))
      .body as { custom_object_records: unknown[]; meta: { has_more: boolean } }
    expect(list.custom_object_records).toHaveLength(1)
    expect(list.meta.has_more).toBe(false)
  })

  it('answers 422 with the field and the reason for bad records, and keeps the stored one intact', async () => {
    const { api, call } = setup()
    await withBaselineObject(call)
    const path = `${OBJECT}/records.json?external_id=account-baseline`
    expect(details(await call('PATCH', path, { custom_object_record: {} }))).toContain(
      'Name: cannot be blank',
    )
    await call('PATCH', path, {
      custom_object_record: { name: 'B', custom_object_fields: { payload: 'ok' } },
    })
    const wrongType = await call('PATCH', path, {
      custom_object_record: { custom_object_fields: { schema_version: 'two' } },
    })
    expect(details(wrongType)).toContain('schema_version: "two" is not an integer')
    const unknown = await call('PATCH', path, {
      custom_object_record: { custom_object_fields: { nope: 1 } },
    })
    expect(details(unknown)).toContain('nope: is not a field')
    const big = await call('PATCH', path, {
      custom_object_record: { custom_object_fields: { payload: 'x'.repeat(RECORD_MAX_BYTES) } },
    })
    expect(details(big)).toContain(`at most ${RECORD_MAX_BYTES} bytes`)
    const duplicate = await call('POST', `${OBJECT}/records.json`, {
      custom_object_record: { name: 'C', external_id: 'account-baseline' },
    })
    expect(details(duplicate)).toContain('External id: has already been taken')
    const notWrapped = await call('POST', `${OBJECT}/records.json`, { name: 'C' })
    expect(details(notWrapped)).toContain('{"custom_object_record": {...}}')
    const stored = (await call('GET', `${OBJECT}/records.json`)).body as {
      custom_object_records: { custom_object_fields: Record<string, unknown> }[]
    }
    expect(stored.custom_object_records).toHaveLength(1)
    expect(stored.custom_object_records[0]?.custom_object_fields).toEqual({
      payload: 'ok',
      schema_version: null,
      computed_at: null,
    })
    const noParam = await call('PATCH', `${OBJECT}/records.json`, { custom_object_record: {} })
    expect(noParam.status).toBe(400)
    const notJson = await api.fetch(
      new Request(`${BASE}${OBJECT}/records.json`, { method: 'POST', body: '{' }),
    )
    expect(notJson.status).toBe(400)
  })

  it('shows, updates, searches, pages and deletes records', async () => {
    const { call } = setup()
    await withBaselineObject(call)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const r = await call('POST', `${OBJECT}/records.json`, {
        custom_object_record: { name: `Record ${i}`, external_id: `ext-${i}` },
      })
      ids.push((r.body as { custom_object_record: { id: string } }).custom_object_record.id)
    }
    expect(new Set(ids).size).toBe(5)
    const page1 = (await call('GET', `${OBJECT}/records.json?page[size]=2`)).body as {
      custom_object_records: { id: string }[]
      meta: { has_more: boolean }
      links: { next: string }
    }
    expect(page1.custom_object_records.map((r) => r.id)).toEqual(ids.slice(0, 2))
    expect(page1.meta.has_more).toBe(true)
    const page2 = (await call('GET', page1.links.next.replace(BASE, ''))).body as {
      custom_object_records: { id: string }[]
    }
    expect(page2.custom_object_records.map((r) => r.id)).toEqual(ids.slice(2, 4))
    const newest = (await call('GET', `${OBJECT}/records.json?sort=-id&page[size]=1`)).body as {
      custom_object_records: { id: string }[]
    }
    expect(newest.custom_object_records[0]?.id).toBe(ids[4])
    const patched = await call('PATCH', `${OBJECT}/records/${ids[1]}.json`, {
      custom_object_record: { name: 'Renamed' },
    })
    expect(
      (patched.body as { custom_object_record: { name: string } }).custom_object_record.name,
    ).toBe('Renamed')
    const found = (await call('GET', `${OBJECT}/records/search.json?query=renamed`)).body as {
      custom_object_records: { id: string }[]
    }
    expect(found.custom_object_records.map((r) => r.id)).toEqual([ids[1]])
    expect((await call('DELETE', `${OBJECT}/records/${ids[0]}.json`)).status).toBe(204)
    expect((await call('GET', `${OBJECT}/records/${ids[0]}.json`)).status).toBe(404)
    expect((await call('DELETE', `${OBJECT}/records.json?external_id=ext-2`)).status).toBe(204)
    expect((await call('DELETE', `${OBJECT}/records.json?external_id=ext-2`)).status).toBe(404)
    const left = (await call('GET', `${OBJECT}/records.json`)).body as { count: number }
    expect(left.count).toBe(3)
  })
})
