// Our stricter Marketplace rules for requirements.json: field types Zendesk's APIs create, so an
// install does not fail halfway. Zendesk's own rules are in checkRequirements.ts.
import { isRecord } from '@/core/_lib/isRecord'

import type { Findings } from './context'
import { isNonEmptyString, show } from './context'
import { FIELD_TYPES } from './marketplaceRules'

const FILE = 'requirements.json'

function checkType(f: Findings, key: string, type: unknown, allowed: string[]): void {
  // The field APIs default a missing type to text (Zendesk OpenAPI, Create Ticket Field).
  if (type === undefined) return
  if (typeof type !== 'string' || !allowed.includes(type))
    f.marketplace(
      'field-types',
      FILE,
      `${key}.type`,
      `unknown field type ${show(type)} (expected one of ${allowed.join(', ')})`,
    )
}

/** Field requirements name a type the API creates, and custom object fields have unique keys. */
export function checkMarketplaceRequirements(f: Findings): void {
  const reqs = f.parse(FILE)?.value
  if (!isRecord(reqs)) return
  for (const group of ['ticket_fields', 'user_fields', 'organization_fields']) {
    const fields = reqs[group]
    if (!isRecord(fields)) continue
    for (const [id, field] of Object.entries(fields)) {
      if (!isRecord(field)) continue
      checkType(f, `${group}.${id}`, field.type, FIELD_TYPES[group] ?? [])
      if ('title' in field && !isNonEmptyString(field.title))
        f.marketplace('field-titles', FILE, `${group}.${id}.title`, 'must be a non-empty string')
    }
  }
  const cov2 = reqs.custom_objects_v2
  const fields = isRecord(cov2) && Array.isArray(cov2.object_fields) ? cov2.object_fields : []
  const seen = new Set<string>()
  fields.forEach((field: unknown, i) => {
    if (!isRecord(field)) return
    const at = `custom_objects_v2.object_fields[${i}]`
    checkType(f, at, field.type, FIELD_TYPES.custom_objects_v2 ?? [])
    const id = `${String(field.object_key)}.${String(field.key)}`
    if (seen.has(id))
      f.marketplace(
        'field-keys',
        FILE,
        `${at}.key`,
        `${show(field.key)} is already a field of ${show(field.object_key)}`,
      )
    seen.add(id)
  })
}
