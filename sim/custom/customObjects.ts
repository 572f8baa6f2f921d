// Custom objects (the v2 "custom objects" API): object definitions, their fields and their records,
// kept in memory for the session. Validation follows Zendesk: keys are lowercase, records need a
// name, external ids are unique per object, field values match the field type, and a record is at
// most 32 KB.
import { ApiError, type ErrorDetail, notFound, recordInvalid } from '../api/errors'
import { iso } from '../time'
import {
  fieldDefinition,
  fieldHeadJson,
  fieldOptionsJson,
  fieldInvalid as fail,
  fieldType,
} from './fieldDefinition'
import { type FieldType, FIELD_TYPES, checkFieldValue } from './fieldValues'

type Json = Record<string, unknown>

/** Zendesk's record size limit. */
export const RECORD_MAX_BYTES = 32 * 1024

const OBJECT_KEY = /^[a-z][a-z0-9_]{0,59}$/
const FIELD_KEY = /^[a-z][a-z0-9_]{0,59}$/
const FIELD_ID_BASE = 90_000_000
const OBJECT_FIELD_TYPES: readonly FieldType[] = FIELD_TYPES.filter((t) => t !== 'tagger')

export type CustomObject = {
  key: string
  title: string
  titlePluralized: string
  description: string
  includeInListView: boolean
  allowsPhotos: boolean
  allowsAttachments: boolean
  createdMs: number
  updatedMs: number
  createdBy: number
  updatedBy: number
}

export type CustomObjectField = {
  id: number
  key: string
  type: FieldType
  title: string
  description: string
  position: number
  active: boolean
  required: boolean
  options?: { name: string; value: string }[]
  regexp?: string | null
  createdMs: number
}

export type CustomObjectRecord = {
  id: string
  objectKey: string
  name: string
  externalId: string | null
  fields: Record<string, unknown>
  createdMs: number
  updatedMs: number
  createdBy: number
  updatedBy: number
}

function objectOf(body: unknown, wrapper: string): Json {
  const inner = (body as Json | null)?.[wrapper]
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner))
    fail(wrapper, `The request body must be {"${wrapper}": {...}}`, 'InvalidFormat')
  return inner as Json
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A ULID-shaped id (26 Crockford base-32 characters): the time, then a per-account counter. */
function recordId(ms: number, n: number): string {
  let time = ''
  let t = Math.max(0, Math.floor(ms))
  for (let i = 0; i < 10; i++) {
    time = (CROCKFORD[t % 32] ?? '0') + time
    t = Math.floor(t / 32)
  }
  let tail = ''
  let c = n
  for (let i = 0; i < 16; i++) {
    tail = (CROCKFORD[c % 32] ?? '0') + tail
    c = Math.floor(c / 32)
  }
  return time + tail
}

export type CustomObjectStore = ReturnType<typeof createCustomObjectStore>

/** The custom objects of one account; `now` is the account clock. */
export function createCustomObjectStore(now: () => number) {
  const objects = new Map<string, CustomObject>()
  const fields = new Map<string, CustomObjectField[]>()
  const records = new Map<string, CustomObjectRecord[]>()
  let nextFieldId = FIELD_ID_BASE
  let nextRecord = 1

  const object = (key: string): CustomObject => {
    const o = objects.get(key)
    if (!o) throw new ApiError(notFound())
    return o
  }
  const recordsOf = (key: string): CustomObjectRecord[] => {
    object(key)
    return records.get(key) ?? []
  }

  /** Checks `custom_object_fields` against the object's fields; returns the stored values. */
  const checkValues = (key: string, raw: unknown): Record<string, unknown> => {
    if (raw === undefined) return {}
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
      fail('custom_object_fields', 'Custom object fields: must be an object of field key → value')
    const defs = fields.get(key) ?? []
    const problems: ErrorDetail[] = []
    const out: Record<string, unknown> = {}
    for (const [fieldKey, value] of Object.entries(raw as Json)) {
      const def = defs.find((f) => f.key === fieldKey)
      if (!def) {
        problems.push({
          description: `${fieldKey}: is not a field of the custom object ${key}`,
          error: 'UnknownField',
        })
        continue
      }
      const checked = checkFieldValue(
        {
          type: def.type,
          title: def.key,
          ...(def.options ? { options: def.options.map((o) => o.value) } : {}),
          regexp: def.regexp ?? null,
        },
        value,
      )
      if (checked.ok) out[fieldKey] = checked.value
      else problems.push({ description: checked.problem, error: 'InvalidValue' })
    }
    if (problems.length > 0) throw new ApiError(recordInvalid({ custom_object_fields: problems }))
    return out
  }

  const checkSize = (r: CustomObjectRecord): void => {
    const bytes = Buffer.byteLength(JSON.stringify(recordJson(r, '')), 'utf8')
    if (bytes > RECORD_MAX_BYTES)
      fail(
        'base',
        `Record is ${bytes} bytes; a custom object record can be at most ${RECORD_MAX_BYTES} bytes`,
        'RecordTooLarge',
      )
  }

  const checkName = (name: unknown): string => {
    if (typeof name !== 'string' || name.trim() === '') fail('name', 'Name: cannot be blank')
    if (name.length > 255) fail('name', 'Name: is too long (maximum is 255 characters)')
    return name
  }

  const checkExternalId = (key: string, externalId: unknown, self?: string): string | null => {
    if (externalId === undefined || externalId === null) return null
    if (typeof externalId !== 'string' || externalId.trim() === '')
      fail('external_id', 'External id: must be a non-empty string or null')
    const taken = (records.get(key) ?? []).some((r) => r.externalId === externalId && r.id !== self)
    if (taken) fail('external_id', 'External id: has already been taken', 'DuplicateValue')
    return externalId
  }

  const applyUpdate = (key: string, r: CustomObjectRecord, body: Json, userId: number): void => {
    const next: CustomObjectRecord = { ...r, fields: { ...r.fields } }
    if ('name' in body) next.name = checkName(body.name)
    if ('external_id' in body) next.externalId = checkExternalId(key, body.external_id, r.id)
    Object.assign(next.fields, checkValues(key, body.custom_object_fields))
    next.updatedMs = now()
    next.updatedBy = userId
    checkSize(next)
    Object.assign(r, next)
  }

  const createRecord = (key: string, body: Json, userId: number): CustomObjectRecord => {
    const list = recordsOf(key)
    const at = now()
    const r: CustomObjectRecord = {
      id: recordId(at, nextRecord),
      objectKey: key,
      name: checkName(body.name),
      externalId: checkExternalId(key, body.external_id),
      // Zendesk lists every field of the object on a record, unset ones as null.
      fields: {
        ...Object.fromEntries((fields.get(key) ?? []).map((f) => [f.key, null])),
        ...checkValues(key, body.custom_object_fields),
      },
      createdMs: at,
      updatedMs: at,
      createdBy: userId,
      updatedBy: userId,
    }
    checkSize(r)
    nextRecord++
    list.push(r)
    records.set(key, list)
    return r
  }

  return {
    objects: (): CustomObject[] => [...objects.values()],
    object,
    /** Creates an object from a `custom_object` body. */
    createObject(body: unknown, userId: number): CustomObject {
      const input = objectOf(body, 'custom_object')
      const key = input.key
      if (typeof key !== 'string' || !OBJECT_KEY.test(key))
        fail(
          'key',
          `Key: ${JSON.stringify(key)} must start with a lowercase letter and contain only a-z, 0-9 and _`,
        )
      if (objects.has(key)) fail('key', 'Key: has already been taken', 'DuplicateValue')
      for (const name of ['title', 'title_pluralized'] as const) {
        if (typeof input[name] !== 'string' || input[name].trim() === '')
          fail(name, `${name === 'title' ? 'Title' : 'Title pluralized'}: cannot be blank`)
      }
      const at = now()
      const o: CustomObject = {
        key,
        title: String(input.title),
        titlePluralized: String(input.title_pluralized),
        description: typeof input.description === 'string' ? input.description : '',
        includeInListView: input.include_in_list_view === true,
        allowsPhotos: input.allows_photos === true,
        allowsAttachments: input.allows_attachments === true,
        createdMs: at,
        updatedMs: at,
        createdBy: userId,
        updatedBy: userId,
      }
      objects.set(key, o)
      fields.set(key, [])
      records.set(key, [])
      return o
    },
    fields: (key: string): CustomObjectField[] => {
      object(key)
      return fields.get(key) ?? []
    },
    /** Adds a field from a `custom_object_field` body. */
    createField(key: string, body: unknown): CustomObjectField {
      object(key)
      const input = objectOf(body, 'custom_object_field')
      const list = fields.get(key) ?? []
      const type = fieldType(input, OBJECT_FIELD_TYPES)
      const fieldKey = input.key
      if (typeof fieldKey !== 'string' || !FIELD_KEY.test(fieldKey))
        fail(
          'key',
          `Key: ${JSON.stringify(fieldKey)} must start with a lowercase letter and contain only a-z, 0-9 and _`,
        )
      if (list.some((f) => f.key === fieldKey))
        fail('key', 'Key: has already been taken', 'DuplicateValue')
      const f: CustomObjectField = {
        id: nextFieldId++,
        key: fieldKey,
        type,
        ...fieldDefinition(input, type, 'dropdown'),
        position: list.length,
        createdMs: now(),
      }
      list.push(f)
      fields.set(key, list)
      return f
    },
    records: recordsOf,
    record(key: string, id: string): CustomObjectRecord {
      const r = recordsOf(key).find((x) => x.id === id)
      if (!r) throw new ApiError(notFound())
      return r
    },
    createRecord: (key: string, body: unknown, userId: number): CustomObjectRecord =>
      createRecord(key, objectOf(body, 'custom_object_record'), userId),
    updateRecord(key: string, id: string, body: unknown, userId: number): CustomObjectRecord {
      const r = recordsOf(key).find((x) => x.id === id)
      if (!r) throw new ApiError(notFound())
      applyUpdate(key, r, objectOf(body, 'custom_object_record'), userId)
      return r
    },
    /** Updates the record with this external id, or creates it (then `name` is required). */
    upsertRecord(
      key: string,
      externalId: string,
      body: unknown,
      userId: number,
    ): CustomObjectRecord {
      const input = objectOf(body, 'custom_object_record')
      if ('external_id' in input && input.external_id !== externalId)
        fail('external_id', 'External id: the body and the external_id parameter differ')
      const existing = recordsOf(key).find((r) => r.externalId === externalId)
      if (existing) {
        applyUpdate(key, existing, input, userId)
        return existing
      }
      return createRecord(key, { ...input, external_id: externalId }, userId)
    },
    deleteRecord(key: string, id: string): void {
      const list = recordsOf(key)
      const i = list.findIndex((r) => r.id === id)
      if (i < 0) throw new ApiError(notFound())
      list.splice(i, 1)
    },
  }
}

export function objectJson(o: CustomObject, baseUrl: string): Json {
  return {
    url: `${baseUrl}/api/v2/custom_objects/${o.key}.json`,
    key: o.key,
    title: o.title,
    raw_title: o.title,
    title_pluralized: o.titlePluralized,
    raw_title_pluralized: o.titlePluralized,
    description: o.description,
    raw_description: o.description,
    include_in_list_view: o.includeInListView,
    allows_photos: o.allowsPhotos,
    allows_attachments: o.allowsAttachments,
    created_by_user_id: String(o.createdBy),
    updated_by_user_id: String(o.updatedBy),
    created_at: iso(o.createdMs),
    updated_at: iso(o.updatedMs),
  }
}

export function fieldJson(objectKey: string, f: CustomObjectField, baseUrl: string): Json {
  return {
    url: `${baseUrl}/api/v2/custom_objects/${objectKey}/fields/${f.id}.json`,
    id: f.id,
    key: f.key,
    ...fieldHeadJson(f),
    system: false,
    regexp_for_validation: f.regexp ?? null,
    created_at: iso(f.createdMs),
    updated_at: iso(f.createdMs),
    ...fieldOptionsJson(f),
  }
}

/** The two standard fields every object has (listed with `include_standard_fields=true`). */
export function standardFieldsJson(o: CustomObject, baseUrl: string): Json[] {
  return [
    ['standard::name', 'Name'],
    ['standard::external_id', 'External id'],
  ].map(([key, title], i) => ({
    url: `${baseUrl}/api/v2/custom_objects/${o.key}/fields/${key}.json`,
    id: FIELD_ID_BASE - 2 + i,
    key,
    type: 'text',
    title,
    raw_title: title,
    description: '',
    raw_description: '',
    position: i,
    active: true,
    required: key === 'standard::name',
    system: true,
    regexp_for_validation: null,
    created_at: iso(o.createdMs),
    updated_at: iso(o.createdMs),
    ...(key === 'standard::name'
      ? { properties: { autoincrement_enabled: false, is_unique: false } }
      : {}),
  }))
}

export function recordJson(r: CustomObjectRecord, baseUrl: string): Json {
  return {
    url: `${baseUrl}/api/v2/custom_objects/${r.objectKey}/records/${r.id}.json`,
    id: r.id,
    name: r.name,
    custom_object_key: r.objectKey,
    custom_object_fields: { ...r.fields },
    external_id: r.externalId,
    photo: null,
    created_by_user_id: String(r.createdBy),
    updated_by_user_id: String(r.updatedBy),
    created_at: iso(r.createdMs),
    updated_at: iso(r.updatedMs),
  }
}
