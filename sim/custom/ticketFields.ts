// The account's ticket fields: Zendesk's system fields, the two generated custom fields (topic and
// order number) and the fields created in the session (POST /api/v2/ticket_fields, app requirements).
import { ApiError, type ErrorDetail, recordInvalid } from '../api/errors'
import { TOPICS } from '../lifecycle'
import { TICKET_FIELD_ORDER, TICKET_FIELD_TOPIC } from '../skeleton'
import { iso } from '../time'
import { fieldDefinition, fieldHeadJson, fieldOptionsJson, fieldType } from './fieldDefinition'
import { type FieldRule, type FieldType, FIELD_TYPES, checkFieldValue } from './fieldValues'

type Json = Record<string, unknown>

/** Ids of fields created in the session start here (system and generated fields sit below). */
export const CREATED_FIELD_BASE = 360_000_500

const SYSTEM_FIELDS: readonly { id: number; type: string; title: string }[] = [
  { id: 360_000_011, type: 'subject', title: 'Subject' },
  { id: 360_000_012, type: 'description', title: 'Description' },
  { id: 360_000_013, type: 'status', title: 'Status' },
  { id: 360_000_014, type: 'tickettype', title: 'Type' },
  { id: 360_000_015, type: 'priority', title: 'Priority' },
  { id: 360_000_016, type: 'group', title: 'Group' },
  { id: 360_000_017, type: 'assignee', title: 'Assignee' },
]

/** Ticket field types the API creates (system types cannot be created). */
const CREATABLE: readonly FieldType[] = FIELD_TYPES.filter((t) => t !== 'dropdown')

type StoredField = {
  id: number
  type: string
  title: string
  description: string
  position: number
  active: boolean
  required: boolean
  system: boolean
  createdMs: number
  options?: { name: string; value: string }[]
  regexp?: string | null
  tag?: string | null
  creatorAppName?: string | null
}

export type TicketFieldStore = {
  /** Every field, by position then id. */
  list: () => StoredField[]
  get: (id: number) => StoredField | undefined
  /** Creates a field from a `ticket_field` request body; throws ApiError 422 on bad input. */
  create: (input: unknown, options?: { creatorAppName?: string }) => StoredField
  /** The rule that checks values written to a custom field, or undefined (system/unknown). */
  rule: (id: number) => FieldRule | undefined
  json: (field: StoredField, baseUrl: string) => Json
}

/** Creates the ticket field store of an account; `now` is the account clock, `createdMs` its setup time. */
export function createTicketFieldStore(now: () => number, setupMs: number): TicketFieldStore {
  const fields: StoredField[] = [
    ...SYSTEM_FIELDS.map((f, i) => ({
      ...f,
      description: '',
      position: i,
      active: true,
      required: f.type === 'subject' || f.type === 'description',
      system: true,
      createdMs: setupMs,
    })),
    {
      id: TICKET_FIELD_TOPIC,
      type: 'tagger',
      title: 'Topic',
      description: 'What the customer contacted us about',
      position: 20,
      active: true,
      required: false,
      system: false,
      createdMs: setupMs,
      options: TOPICS.map((t) => ({ name: t.replace(/_/g, ' '), value: t })),
    },
    {
      id: TICKET_FIELD_ORDER,
      type: 'text',
      title: 'Order number',
      description: 'The order the ticket is about',
      position: 21,
      active: true,
      required: false,
      system: false,
      createdMs: setupMs,
    },
  ]
  let nextId = CREATED_FIELD_BASE

  const store: TicketFieldStore = {
    list: () => [...fields].sort((a, b) => a.position - b.position || a.id - b.id),
    get: (id) => fields.find((f) => f.id === id),
    create(input, options = {}) {
      const body = (input ?? {}) as Json
      const type = fieldType(body, CREATABLE)
      const { title, ...definition } = fieldDefinition(body, type, 'tagger')
      const field: StoredField = {
        id: nextId++,
        type,
        title: title.trim(),
        ...definition,
        position: typeof body.position === 'number' ? body.position : 9999,
        system: false,
        createdMs: now(),
        ...(typeof body.tag === 'string' ? { tag: body.tag } : {}),
        creatorAppName: options.creatorAppName ?? null,
      }
      fields.push(field)
      return field
    },
    rule(id) {
      const f = store.get(id)
      if (!f || f.system) return undefined
      return {
        type: f.type as FieldType,
        title: f.title,
        ...(f.options ? { options: f.options.map((o) => o.value) } : {}),
        regexp: f.regexp ?? null,
      }
    },
    json(f, baseUrl) {
      return {
        url: `${baseUrl}/api/v2/ticket_fields/${f.id}.json`,
        id: f.id,
        ...fieldHeadJson(f),
        collapsed_for_agents: false,
        regexp_for_validation: f.regexp ?? null,
        title_in_portal: f.title,
        raw_title_in_portal: f.title,
        visible_in_portal: f.system,
        editable_in_portal: f.system,
        required_in_portal: false,
        tag: f.tag ?? null,
        created_at: iso(f.createdMs),
        updated_at: iso(f.createdMs),
        removable: !f.system,
        agent_can_edit: true,
        ...(f.creatorAppName ? { creator_app_name: f.creatorAppName } : {}),
        ...fieldOptionsJson(f),
      }
    },
  }
  return store
}

/**
 * Checks the `custom_fields` of a ticket update against the account's fields. Unknown ids are kept as
 * they are (the simulator does not know every field an installation may point a setting at).
 */
export function checkTicketFieldValues(
  store: TicketFieldStore,
  entries: { id: number; value: unknown }[],
): { id: number; value: unknown }[] {
  const problems: ErrorDetail[] = []
  const out = entries.map((e) => {
    const rule = store.rule(e.id)
    if (!rule) return e
    const checked = checkFieldValue(rule, e.value)
    if (!checked.ok) {
      problems.push({ description: `${checked.problem} (field ${e.id})`, error: 'InvalidValue' })
      return e
    }
    return { id: e.id, value: checked.value }
  })
  if (problems.length > 0) throw new ApiError(recordInvalid({ base: problems }))
  return out
}
