// Installs an app's requirements.json into the simulated account the way Zendesk does when an admin
// installs the app: each `ticket_fields` entry becomes a ticket field, each `custom_objects_v2`
// object a custom object with its `object_fields`. Installing is idempotent: a field with the same
// title and type, an object with the same key and a field with the same key are reused. The result
// maps each requirement key to what ZAF's `client.get('requirement:<key>')` answers.

export type InstalledRequirement = {
  identifier: string
  requirement_id: number | string
  requirement_type: 'ticket_fields' | 'custom_objects_v2'
}

type Json = Record<string, unknown>

export type Requirements = {
  ticketFields: { identifier: string; field: Json }[]
  objects: Json[]
  objectFields: Json[]
}

/** Requirement types this workspace installs (Zendesk knows more; the app declares only these). */
export const INSTALLED_TYPES = ['ticket_fields', 'custom_objects_v2'] as const

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks the shape of requirements.json (`source` names the file in errors).
 *
 * @example
 * parseRequirements({ ticket_fields: { score: { type: 'integer', title: 'Score' } } }, 'requirements.json')
 * // { ticketFields: [{ identifier: 'score', field: { type: 'integer', title: 'Score' } }], objects: [], objectFields: [] }
 */
export function parseRequirements(raw: unknown, source: string): Requirements {
  const fail = (where: string, problem: string): never => {
    throw new Error(`${source}: ${where}: ${problem}`)
  }
  if (!isObject(raw)) fail('(root)', 'must be a JSON object of requirement types')
  const root = raw as Json
  for (const type of Object.keys(root)) {
    if (!(INSTALLED_TYPES as readonly string[]).includes(type))
      fail(type, `the local workspace installs ${INSTALLED_TYPES.join(' and ')} only`)
  }
  const out: Requirements = { ticketFields: [], objects: [], objectFields: [] }
  const fields = root.ticket_fields ?? {}
  if (!isObject(fields)) fail('ticket_fields', 'must be an object of key → ticket field')
  for (const [identifier, field] of Object.entries(fields as Json)) {
    if (!isObject(field)) fail(`ticket_fields.${identifier}`, 'must be an object')
    const f = field as Json
    if (typeof f.title !== 'string' || f.title.trim() === '')
      fail(`ticket_fields.${identifier}.title`, 'is required')
    if (typeof f.type !== 'string') fail(`ticket_fields.${identifier}.type`, 'is required')
    out.ticketFields.push({ identifier, field: f })
  }
  const v2 = root.custom_objects_v2 ?? {}
  if (!isObject(v2)) fail('custom_objects_v2', 'must be an object with objects and object_fields')
  const co = v2 as Json
  for (const name of ['objects', 'object_fields'] as const) {
    const list = co[name] ?? []
    if (!Array.isArray(list)) fail(`custom_objects_v2.${name}`, 'must be an array')
    const required =
      name === 'objects'
        ? ['key', 'title', 'title_pluralized', 'include_in_list_view']
        : ['key', 'title', 'type', 'object_key']
    for (const [i, item] of (list as unknown[]).entries()) {
      if (!isObject(item)) fail(`custom_objects_v2.${name}[${i}]`, 'must be an object')
      const entry = item as Json
      for (const key of required) {
        if (!(key in entry)) fail(`custom_objects_v2.${name}[${i}].${key}`, 'is required')
      }
      if (name === 'objects') out.objects.push(entry)
      else out.objectFields.push(entry)
    }
  }
  for (const [i, f] of out.objectFields.entries()) {
    if (!out.objects.some((o) => o.key === f.object_key))
      fail(
        `custom_objects_v2.object_fields[${i}].object_key`,
        `'${String(f.object_key)}' is not an object of custom_objects_v2.objects`,
      )
  }
  return out
}

/** One call on the simulated API as an admin: status and parsed JSON body (null when empty). */
export type AdminCall = (
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>

async function expectOk(
  call: AdminCall,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<Json> {
  const res = await call(method, path, body)
  if (res.status < 200 || res.status >= 300)
    throw new Error(
      `installing requirements: ${method} ${path} answered ${res.status} ${JSON.stringify(res.body)}`,
    )
  return (res.body ?? {}) as Json
}

/** Creates (or finds) every requirement; answers per requirement key. */
export async function installRequirements(
  call: AdminCall,
  requirements: Requirements,
): Promise<Record<string, InstalledRequirement>> {
  const installed: Record<string, InstalledRequirement> = {}
  if (requirements.ticketFields.length > 0) {
    const listed = await expectOk(call, 'GET', '/api/v2/ticket_fields.json')
    const existing = (listed.ticket_fields ?? []) as Json[]
    for (const { identifier, field } of requirements.ticketFields) {
      let id = existing.find((f) => f.title === field.title && f.type === field.type)?.id
      if (id === undefined) {
        const created = await expectOk(call, 'POST', '/api/v2/ticket_fields.json', {
          ticket_field: field,
        })
        id = (created.ticket_field as Json).id
      }
      installed[identifier] = {
        identifier,
        requirement_id: Number(id),
        requirement_type: 'ticket_fields',
      }
    }
  }
  for (const object of requirements.objects) {
    const key = String(object.key)
    const path = `/api/v2/custom_objects/${key}`
    const found = await call('GET', `${path}.json`)
    if (found.status === 404) {
      await expectOk(call, 'POST', '/api/v2/custom_objects.json', { custom_object: object })
    } else if (found.status !== 200) {
      throw new Error(`installing requirements: GET ${path} answered ${found.status}`)
    }
    const listed = await expectOk(call, 'GET', `${path}/fields.json`)
    const have = new Set(((listed.custom_object_fields ?? []) as Json[]).map((f) => f.key))
    for (const field of requirements.objectFields.filter((f) => f.object_key === key)) {
      if (have.has(field.key)) continue
      const body = Object.fromEntries(Object.entries(field).filter(([k]) => k !== 'object_key'))
      await expectOk(call, 'POST', `${path}/fields.json`, { custom_object_field: body })
    }
    installed[key] = { identifier: key, requirement_id: key, requirement_type: 'custom_objects_v2' }
  }
  return installed
}
