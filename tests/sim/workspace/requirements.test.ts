import { readFileSync } from 'node:fs'
import path from 'node:path'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { HostError, readRequirement } from '@sim/workspace/host/protocol'
import { listTickets } from '@sim/workspace/data'
import { type AdminCall, installRequirements, parseRequirements } from '@sim/workspace/requirements'

const ROOT = path.resolve(__dirname, '../../..')
const FILE = path.join(ROOT, 'requirements.json')
const APP_REQUIREMENTS = JSON.parse(readFileSync(FILE, 'utf8')) as unknown

function setup() {
  const account = createSimAccount({ tickets: 300, seed: 2 })
  const api = createSimCore(account, { rateLimits: false })
  const calls: string[] = []
  const call: AdminCall = async (method, apiPath, body) => {
    calls.push(`${method} ${apiPath}`)
    const res = await api.fetch(
      new Request(`https://retention-radar.zendesk.com${apiPath}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
    return { status: res.status, body: (await res.json()) as unknown }
  }
  return { account, call, calls }
}

describe("the app's requirements.json", () => {
  it('declares the score field and the baseline object with the agreed names', () => {
    const parsed = parseRequirements(APP_REQUIREMENTS, FILE)
    expect(parsed.ticketFields).toEqual([
      {
        identifier: 'score_field',
        field: expect.objectContaining({
          type: 'integer',
          title: 'Retention priority score',
        }) as unknown,
      },
    ])
    expect(parsed.objects).toEqual([
      expect.objectContaining({
        key: 'retention_radar_baseline',
        title: 'Retention Radar baseline',
      }),
    ])
    expect(parsed.objectFields.map((f) => [f.key, f.type])).toEqual([
      ['payload', 'textarea'],
      ['schema_version', 'integer'],
      ['computed_at', 'text'],
    ])
  })
})

describe('parseRequirements', () => {
  it('names the file and the place that is wrong', () => {
    expect(() => parseRequirements([], 'r.json')).toThrow('r.json: (root): must be a JSON object')
    expect(() => parseRequirements({ targets: {} }, 'r.json')).toThrow(
      'r.json: targets: the local workspace installs ticket_fields and custom_objects_v2 only',
    )
    expect(() => parseRequirements({ ticket_fields: { a: { type: 'text' } } }, 'r.json')).toThrow(
      'r.json: ticket_fields.a.title: is required',
    )
    expect(() =>
      parseRequirements({ custom_objects_v2: { objects: [{ key: 'o', title: 'O' }] } }, 'r.json'),
    ).toThrow('r.json: custom_objects_v2.objects[0].title_pluralized: is required')
    expect(() =>
      parseRequirements(
        {
          custom_objects_v2: {
            objects: [],
            object_fields: [{ key: 'f', title: 'F', type: 'text', object_key: 'ghost' }],
          },
        },
        'r.json',
      ),
    ).toThrow("custom_objects_v2.object_fields[0].object_key: 'ghost' is not an object")
  })
})

describe('installRequirements', () => {
  it('creates the field, the object and its fields in the account, once', async () => {
    const { account, call, calls } = setup()
    const parsed = parseRequirements(APP_REQUIREMENTS, FILE)
    const first = await installRequirements(call, parsed)
    const fieldId = first.score_field?.requirement_id
    expect(first).toEqual({
      score_field: {
        identifier: 'score_field',
        requirement_id: expect.any(Number) as number,
        requirement_type: 'ticket_fields',
      },
      retention_radar_baseline: {
        identifier: 'retention_radar_baseline',
        requirement_id: 'retention_radar_baseline',
        requirement_type: 'custom_objects_v2',
      },
    })
    expect(account.ticketFields.get(Number(fieldId))?.title).toBe('Retention priority score')
    expect(account.customObjects.fields('retention_radar_baseline').map((f) => f.key)).toEqual([
      'payload',
      'schema_version',
      'computed_at',
    ])
    const writes = calls.filter((c) => c.startsWith('POST')).length
    expect(await installRequirements(call, parsed)).toEqual(first)
    expect(calls.filter((c) => c.startsWith('POST')).length).toBe(writes)
    expect(
      account.ticketFields.list().filter((f) => f.title === 'Retention priority score'),
    ).toHaveLength(1)
  })

  it('stops with the API answer when a write is refused', async () => {
    const { call } = setup()
    const parsed = parseRequirements(
      { ticket_fields: { broken: { type: 'blob', title: 'Broken' } } },
      'r.json',
    )
    await expect(installRequirements(call, parsed)).rejects.toThrow(
      /POST \/api\/v2\/ticket_fields\.json answered 422 .*blob/,
    )
  })
})

describe('requirement lookups and the ticket list', () => {
  it("answers client.get('requirement:<key>') and names the declared keys otherwise", () => {
    const installed = {
      score_field: {
        identifier: 'score_field',
        requirement_id: 360000500,
        requirement_type: 'ticket_fields',
      },
    }
    expect(readRequirement('requirement:score_field', installed)).toEqual(installed.score_field)
    expect(() => readRequirement('requirement:nope', installed)).toThrow(HostError)
    expect(() => readRequirement('requirement:nope', installed)).toThrow('declares score_field')
    expect(() => readRequirement('requirement:toString', installed)).toThrow(HostError)
  })

  it('sorts by the written score once a ticket has one, else by the latest update', async () => {
    const { account, call } = setup()
    const installed = await installRequirements(call, parseRequirements(APP_REQUIREMENTS, FILE))
    const scoreFieldId = Number(installed.score_field?.requirement_id)
    const before = listTickets(account, { sort: 'auto', scoreFieldId, scope: 'all' })
    expect(before).toMatchObject({ sort: 'updated', scored: 0 })
    const [a, b] = before.rows.slice(-2).map((r) => r.id)
    account.updateTicket(a ?? 0, { customFields: [{ id: scoreFieldId, value: 40 }] })
    account.updateTicket(b ?? 0, { customFields: [{ id: scoreFieldId, value: 90 }] })
    const after = listTickets(account, { sort: 'auto', scoreFieldId, scope: 'all' })
    expect(after).toMatchObject({ sort: 'score', scored: 2 })
    expect(after.rows.slice(0, 2).map((r) => [r.id, r.score])).toEqual([
      [b, 90],
      [a, 40],
    ])
  })
})
