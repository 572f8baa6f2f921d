// Zendesk's requirements.json rules (zendesk_apps_support validations/requirements.rb and
// app_requirement.rb); custom objects v2 are in checkCustomObjectsV2.ts.
import { isRecord } from '@/core/_lib/isRecord'

import { checkCustomObjectsV2 } from './checkCustomObjectsV2'
import type { Findings } from './context'
import { show } from './context'
import type { ManifestModel } from './manifestModel'
import {
  INVALID_TARGET_TYPES,
  MAX_CUSTOM_OBJECTS_REQUIREMENTS,
  MAX_REQUIREMENTS,
  REQUIREMENT_TYPES,
  WEBHOOK_KEYS,
} from './rules'

const FILE = 'requirements.json'
const RULE = 'requirements.rb'

/** Requirement types keyed by identifier whose entries need a title (requirements.rb missing_required_fields). */
const TITLED = REQUIREMENT_TYPES.filter(
  (t) => !['channel_integrations', 'custom_objects', 'webhooks', 'custom_objects_v2'].includes(t),
)

function missing(f: Findings, key: string, field: string): void {
  f.zendesk(`${RULE}:missing_required_fields`, FILE, key, `is missing ${field}`)
}

/** The entries of a requirement type keyed by identifier; reports a type that is not an object. */
function entriesOf(f: Findings, reqs: Record<string, unknown>, type: string): [string, unknown][] {
  const group = reqs[type]
  if (group === undefined || group === null) return []
  if (!isRecord(group)) {
    // The gem walks each type as identifier → requirement and fails on anything else.
    f.zendesk(
      `${RULE}:invalid_requirements_types`,
      FILE,
      type,
      `must be an object keyed by requirement identifier, got ${show(group)}`,
    )
    return []
  }
  return Object.entries(group)
}

function checkEntries(f: Findings, reqs: Record<string, unknown>): void {
  for (const type of TITLED) {
    for (const [id, req] of entriesOf(f, reqs, type)) {
      // requirements.rb missing_required_fields: every requirement of these types has a title.
      if (req === null) continue
      if (!isRecord(req))
        f.zendesk(
          `${RULE}:missing_required_fields`,
          FILE,
          `${type}.${id}`,
          `must be an object, got ${show(req)}`,
        )
      else if (!('title' in req)) missing(f, `${type}.${id}`, 'title')
      // requirements.rb invalid_custom_fields: user and organization fields need their key.
      if (
        isRecord(req) &&
        (type === 'user_fields' || type === 'organization_fields') &&
        !('key' in req)
      )
        missing(f, `${type}.${id}`, 'key')
      // requirements.rb invalid_target_types
      if (isRecord(req) && type === 'targets' && INVALID_TARGET_TYPES.includes(String(req.type)))
        f.zendesk(
          `${RULE}:invalid_requirements_types`,
          FILE,
          `targets.${id}.type`,
          `Zendesk no longer creates ${String(req.type)} targets (use a webhook)`,
        )
    }
  }
  // requirements.rb invalid_channel_integrations: at most one, with its manifest_url.
  const channels = entriesOf(f, reqs, 'channel_integrations')
  if (channels.length > 1)
    f.zendesk(
      `${RULE}:multiple_channel_integrations`,
      FILE,
      'channel_integrations',
      `an app can have one channel integration, found ${channels.length}`,
    )
  for (const [id, req] of channels)
    if (!isRecord(req) || !('manifest_url' in req))
      missing(f, `channel_integrations.${id}`, 'manifest_url')
  // requirements.rb validate_webhook_keys
  for (const [id, req] of entriesOf(f, reqs, 'webhooks')) {
    for (const key of WEBHOOK_KEYS)
      if (!isRecord(req) || !(key in req)) missing(f, `webhooks.${id}`, key)
  }
}

function checkCustomObjectsV1(f: Findings, reqs: Record<string, unknown>): void {
  const co = reqs.custom_objects
  if (co === undefined || co === null) return
  if (!isRecord(co))
    return f.zendesk(
      `${RULE}:missing_required_fields`,
      FILE,
      'custom_objects',
      `must be an object with custom_object_types, got ${show(co)}`,
    )
  // requirements.rb invalid_custom_objects
  if (!('custom_object_types' in co)) missing(f, 'custom_objects', 'custom_object_types')
  const schema: Record<string, string[]> = {
    custom_object_types: ['key', 'schema'],
    custom_object_relationship_types: ['key', 'source', 'target'],
  }
  let count = 0
  for (const [type, keys] of Object.entries(schema)) {
    const list = co[type] ?? []
    if (!Array.isArray(list)) {
      f.zendesk(
        `${RULE}:missing_required_fields`,
        FILE,
        `custom_objects.${type}`,
        `must be an array, got ${show(list)}`,
      )
      continue
    }
    count += list.length
    list.forEach((item: unknown, i) => {
      for (const key of keys)
        if (!isRecord(item) || !(key in item)) missing(f, `custom_objects.${type}[${i}]`, key)
    })
  }
  // requirements.rb excessive_custom_objects_requirements
  if (count > MAX_CUSTOM_OBJECTS_REQUIREMENTS)
    f.zendesk(
      `${RULE}:excessive_custom_objects_requirements`,
      FILE,
      'custom_objects',
      `has ${count} custom object requirements; the limit is ${MAX_CUSTOM_OBJECTS_REQUIREMENTS}`,
    )
}

/** requirements.rb excessive_requirements: each type counts its entries (arrays flattened). */
function countRequirements(reqs: Record<string, unknown>): number {
  return Object.values(reqs).reduce<number>((sum, req) => {
    const values = isRecord(req) ? Object.values(req) : [req]
    return sum + values.flat(Infinity).length
  }, 0)
}

/** Checks requirements.json, and whether the app's kind allows requirements at all. */
export function checkRequirements(f: Findings, model: ManifestModel | undefined): void {
  const present = f.has(FILE)
  if (model !== undefined) {
    // requirements.rb call: requirements-only apps need the file; marketing-only and chat-only apps cannot have it.
    if (model.requirementsOnly && !present)
      f.zendesk(
        `${RULE}:missing_requirements`,
        FILE,
        undefined,
        'is missing (a requirements-only app needs it)',
      )
    const chatOnly = model.locationProducts.length === 1 && model.locationProducts[0] === 'chat'
    if (present && (model.marketingOnly || chatOnly)) {
      const kind = model.marketingOnly ? 'marketing-only' : 'Chat-only'
      f.zendesk(
        `${RULE}:requirements_not_supported`,
        FILE,
        undefined,
        `requirements are not supported for ${kind} apps`,
      )
      return
    }
  }
  if (!present) return
  // requirements.rb call: JSON::ParserError
  const parsed = f.parse(FILE)
  if (parsed?.error !== undefined)
    return f.zendesk(
      `${RULE}:requirements_not_json`,
      FILE,
      undefined,
      `is not valid JSON: ${parsed.error}`,
    )
  // manifest/no_override_hash.rb: duplicate keys anywhere are an error.
  for (const key of parsed?.duplicates ?? [])
    f.zendesk(`${RULE}:duplicate_requirements`, FILE, key, 'key appears more than once')
  const reqs = parsed?.value
  if (!isRecord(reqs))
    return f.zendesk(
      `${RULE}:requirements_not_json`,
      FILE,
      undefined,
      'must be a JSON object keyed by requirement type',
    )
  // requirements.rb invalid_requirements_types
  for (const type of Object.keys(reqs)) {
    if (!REQUIREMENT_TYPES.includes(type))
      f.zendesk(
        `${RULE}:invalid_requirements_types`,
        FILE,
        type,
        `unknown requirement type (expected one of ${REQUIREMENT_TYPES.join(', ')})`,
      )
  }
  // requirements.rb excessive_requirements
  const count = countRequirements(reqs)
  if (count > MAX_REQUIREMENTS)
    f.zendesk(
      `${RULE}:excessive_requirements`,
      FILE,
      undefined,
      `has ${count} requirements; the limit is ${MAX_REQUIREMENTS}`,
    )
  checkEntries(f, reqs)
  checkCustomObjectsV1(f, reqs)
  if ('custom_objects_v2' in reqs) checkCustomObjectsV2(f, reqs.custom_objects_v2)
}
