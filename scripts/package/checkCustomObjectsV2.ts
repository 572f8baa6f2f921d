// Zendesk's custom objects v2 requirement rules (zendesk_apps_support
// validations/custom_objects_v2/{custom_objects_v2,limits_validator,schema_validator}.rb).
import { isRecord } from '@/core/_lib/isRecord'

import type { Findings } from './context'
import { show } from './context'
import { COV2 } from './rules'

const FILE = 'requirements.json'
const AT = 'custom_objects_v2'
const RULE = 'custom_objects_v2'

type Item = Record<string, unknown>

/** custom_objects_v2/validation_helpers.rb count_conditions: the `all` plus `any` conditions. */
function countConditions(conditions: unknown): number {
  if (!isRecord(conditions)) return 0
  return ['all', 'any'].reduce((n, k) => {
    const list = conditions[k]
    return n + (Array.isArray(list) ? list.length : isRecord(list) ? Object.keys(list).length : 0)
  }, 0)
}

function groupByObject(items: Item[]): Map<unknown, Item[]> {
  const groups = new Map<unknown, Item[]>()
  for (const item of items) {
    if (item.object_key === undefined || item.object_key === null || item.object_key === '')
      continue
    groups.set(item.object_key, [...(groups.get(item.object_key) ?? []), item])
  }
  return groups
}

function checkLimits(f: Findings, objects: unknown[], fields: Item[], triggers: Item[]): void {
  const rule = `${RULE}/limits_validator.rb`
  if (objects.length > COV2.maxObjects)
    f.zendesk(
      `${rule}:excessive_custom_objects_v2_requirements`,
      FILE,
      `${AT}.objects`,
      `has ${objects.length} objects; the limit is ${COV2.maxObjects}`,
    )
  for (const [objectKey, list] of groupByObject(fields)) {
    if (list.length > COV2.maxFieldsPerObject)
      f.zendesk(
        `${rule}:excessive_custom_objects_v2_fields`,
        FILE,
        `${AT}.object_fields`,
        `object ${show(objectKey)} has ${list.length} fields; the limit is ${COV2.maxFieldsPerObject}`,
      )
    for (const [type, max] of Object.entries(COV2.maxSelectionFieldsPerObject)) {
      const count = list.filter((field) => field.type === type).length
      if (count > max)
        f.zendesk(
          `${rule}:excessive_cov2_selection_fields_per_object`,
          FILE,
          `${AT}.object_fields`,
          `object ${show(objectKey)} has ${count} ${type} fields; the limit is ${max}`,
        )
    }
    for (const field of list) {
      const options = field.custom_field_options
      const max = COV2.maxOptionsPerSelectionField[String(field.type)]
      if (max !== undefined && Array.isArray(options) && options.length > max)
        f.zendesk(
          `${rule}:excessive_cov2_field_options`,
          FILE,
          `${AT}.object_fields (${String(field.key)})`,
          `has ${options.length} options; the limit is ${max}`,
        )
      const filterCount = countConditions(field.relationship_filter)
      if (filterCount > COV2.maxRelationshipFilterConditions)
        f.zendesk(
          `${rule}:excessive_cov2_relationship_filter_conditions`,
          FILE,
          `${AT}.object_fields (${String(field.key)})`,
          `relationship_filter has ${filterCount} conditions; the limit is ${COV2.maxRelationshipFilterConditions}`,
        )
    }
  }
  for (const [objectKey, list] of groupByObject(triggers)) {
    if (list.length > COV2.maxTriggersPerObject)
      f.zendesk(
        `${rule}:excessive_custom_objects_v2_triggers`,
        FILE,
        `${AT}.object_triggers`,
        `object ${show(objectKey)} has ${list.length} triggers; the limit is ${COV2.maxTriggersPerObject}`,
      )
    for (const trigger of list) {
      const at = `${AT}.object_triggers (${String(trigger.key)})`
      const conditions = countConditions(trigger.conditions)
      if (conditions > COV2.maxConditionsPerTrigger)
        f.zendesk(
          `${rule}:excessive_custom_objects_v2_trigger_conditions_v2`,
          FILE,
          at,
          `has ${conditions} conditions; the limit is ${COV2.maxConditionsPerTrigger}`,
        )
      if (Array.isArray(trigger.actions) && trigger.actions.length > COV2.maxActionsPerTrigger)
        f.zendesk(
          `${rule}:excessive_custom_objects_v2_trigger_actions_v2`,
          FILE,
          at,
          `has ${trigger.actions.length} actions; the limit is ${COV2.maxActionsPerTrigger}`,
        )
    }
  }
}

function checkSchema(f: Findings, objects: Item[], fields: Item[], triggers: Item[]): void {
  const rule = `${RULE}/schema_validator.rb`
  const need = (item: Item, keys: string[], at: string, key: string) => {
    for (const k of keys) if (!(k in item)) f.zendesk(`${rule}:${key}`, FILE, at, `is missing ${k}`)
  }
  objects.forEach((o, i) =>
    need(o, COV2.objectKeys, `${AT}.objects[${i}]`, 'missing_cov2_object_schema_key'),
  )
  fields.forEach((o, i) =>
    need(o, COV2.fieldKeys, `${AT}.object_fields[${i}]`, 'missing_cov2_field_schema_key'),
  )
  triggers.forEach((t, i) => {
    const at = `${AT}.object_triggers[${i}]`
    need(t, COV2.triggerKeys, at, 'missing_cov2_trigger_schema_key_v2')
    // schema_validator.rb valid_conditions_structure?: only all/any, at least one of them a list, not empty.
    const c = t.conditions
    const validShape =
      isRecord(c) &&
      Object.keys(c).length > 0 &&
      Object.keys(c).every((k) => k === 'all' || k === 'any') &&
      Object.values(c).some(Array.isArray)
    if (!validShape)
      f.zendesk(
        `${rule}:invalid_cov2_trigger_conditions_structure_v2`,
        FILE,
        `${at}.conditions`,
        'must be an object of "all" and/or "any" condition lists',
      )
    else if (countConditions(c) === 0)
      f.zendesk(
        `${rule}:empty_cov2_trigger_conditions_v2`,
        FILE,
        `${at}.conditions`,
        'has no conditions',
      )
    if (!Array.isArray(t.actions))
      f.zendesk(
        `${rule}:invalid_cov2_trigger_actions_structure_v2`,
        FILE,
        `${at}.actions`,
        'must be an array of actions',
      )
    else if (t.actions.length === 0)
      f.zendesk(`${rule}:empty_cov2_trigger_actions_v2`, FILE, `${at}.actions`, 'has no actions')
  })
}

/** Checks the `custom_objects_v2` requirement: structure, size, limits, schema, placeholders, references. */
export function checkCustomObjectsV2(f: Findings, cov2: unknown): void {
  const rule = `${RULE}/custom_objects_v2.rb`
  // custom_objects_v2.rb validate_overall_requirements_structure
  if (!isRecord(cov2))
    return f.zendesk(
      `${rule}:invalid_cov2_requirements_structure_v2`,
      FILE,
      AT,
      `must be an object with objects, object_fields and object_triggers, got ${show(cov2)}`,
    )
  if (Object.keys(cov2).length === 0)
    return f.zendesk(`${rule}:empty_cov2_requirements`, FILE, AT, 'is empty')
  const collections = {
    objects: cov2.objects,
    object_fields: cov2.object_fields,
    object_triggers: cov2.object_triggers,
  }
  if (Object.values(collections).every((c) => Array.isArray(c) && c.length === 0))
    return f.zendesk(
      `${rule}:empty_cov2_requirements`,
      FILE,
      AT,
      'has no objects, fields or triggers',
    )
  let shapeOk = true
  for (const [name, c] of Object.entries(collections)) {
    if (c !== undefined && c !== null && !Array.isArray(c)) {
      f.zendesk(
        `${rule}:invalid_${name}_structure_in_cov2_requirements_v2`,
        FILE,
        `${AT}.${name}`,
        `must be an array, got ${show(c)}`,
      )
      shapeOk = false
    }
  }
  if (!shapeOk) return
  const list = (c: unknown): unknown[] => (Array.isArray(c) ? c : [])
  const hashes = (c: unknown): Item[] => list(c).filter(isRecord)
  const json = JSON.stringify(cov2)
  // custom_objects_v2.rb validate_payload_size
  const bytes = new TextEncoder().encode(json).length
  if (bytes > COV2.maxPayloadBytes)
    f.zendesk(
      `${rule}:excessive_cov2_payload_size`,
      FILE,
      AT,
      `is ${bytes} bytes; the limit is ${COV2.maxPayloadBytes}`,
    )
  const [objects, fields, triggers] = [
    hashes(cov2.objects),
    hashes(cov2.object_fields),
    hashes(cov2.object_triggers),
  ]
  checkLimits(f, list(cov2.objects), fields, triggers)
  checkSchema(f, objects, fields, triggers)
  // custom_objects_v2.rb validate_setting_placeholders: installation settings cannot shape the objects.
  if (/\{\{\s*setting\.([\w.-]+)\s*\}\}/.test(json))
    f.zendesk(
      `${rule}:setting_placeholders_not_allowed_in_cov2_requirements`,
      FILE,
      AT,
      'cannot use {{setting.…}} placeholders',
    )
  // custom_objects_v2.rb validate_object_references: fields and triggers name an object declared here.
  const keys = new Set(
    objects.map((o) => o.key).filter((k) => typeof k === 'string' && k.trim() !== ''),
  )
  for (const [name, items, error] of [
    ['object_fields', fields, 'invalid_cov2_object_reference_in_fields_v2'],
    ['object_triggers', triggers, 'invalid_cov2_object_reference_in_triggers_v2'],
  ] as const) {
    items.forEach((item, i) => {
      if (!keys.has(item.object_key))
        f.zendesk(
          `${rule}:${error}`,
          FILE,
          `${AT}.${name}[${i}].object_key`,
          `${show(item.object_key)} is not the key of an object in ${AT}.objects`,
        )
    })
  }
}
