// Custom field types and the values each accepts, shared by ticket fields and custom object fields.
// Values are checked the way Zendesk checks them on write: numbers may arrive as numbers or numeric
// strings, checkboxes as booleans or "true"/"false", dates as YYYY-MM-DD, dropdowns by option value.

export const FIELD_TYPES = [
  'text',
  'textarea',
  'checkbox',
  'date',
  'integer',
  'decimal',
  'regexp',
  'dropdown',
  'tagger',
  'multiselect',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export type FieldRule = {
  type: FieldType
  title: string
  /** Option values of dropdown, tagger and multiselect fields. */
  options?: readonly string[]
  regexp?: string | null
}

/** Longest text a single-line field keeps; multi-line fields are bounded by the record size. */
export const TEXT_MAX = 255

export type CheckedValue = { ok: true; value: unknown } | { ok: false; problem: string }

const ok = (value: unknown): CheckedValue => ({ ok: true, value })
const bad = (problem: string): CheckedValue => ({ ok: false, problem })

/**
 * Checks one value for a field and returns what is stored (null clears the field).
 *
 * @example
 * checkFieldValue({ type: 'integer', title: 'Score' }, '42') // { ok: true, value: 42 }
 * checkFieldValue({ type: 'integer', title: 'Score' }, 4.5) // { ok: false, problem: 'Score: 4.5 is not an integer' }
 */
export function checkFieldValue(rule: FieldRule, value: unknown): CheckedValue {
  if (value === null || value === undefined || value === '') return ok(null)
  const shown = JSON.stringify(value)
  const label = rule.title
  switch (rule.type) {
    case 'text':
    case 'textarea':
    case 'regexp': {
      if (typeof value !== 'string') return bad(`${label}: ${shown} is not text`)
      if (rule.type !== 'textarea' && value.length > TEXT_MAX)
        return bad(`${label}: is too long (maximum is ${TEXT_MAX} characters)`)
      if (rule.type === 'regexp' && rule.regexp && !new RegExp(rule.regexp).test(value))
        return bad(`${label}: ${shown} does not match ${rule.regexp}`)
      return ok(value)
    }
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value
      if (typeof n !== 'number' || !Number.isSafeInteger(n))
        return bad(`${label}: ${shown} is not an integer`)
      return ok(n)
    }
    case 'decimal': {
      const n =
        typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value
      if (typeof n !== 'number' || !Number.isFinite(n))
        return bad(`${label}: ${shown} is not a number`)
      return ok(n)
    }
    case 'checkbox': {
      if (value === true || value === 'true') return ok(true)
      if (value === false || value === 'false') return ok(false)
      return bad(`${label}: ${shown} is not true or false`)
    }
    case 'date': {
      const valid =
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
      return valid ? ok(value) : bad(`${label}: ${shown} is not a date (YYYY-MM-DD)`)
    }
    case 'dropdown':
    case 'tagger': {
      if (typeof value !== 'string' || !(rule.options ?? []).includes(value))
        return bad(`${label}: ${shown} is not one of the field's options`)
      return ok(value)
    }
    case 'multiselect': {
      const list = Array.isArray(value) ? (value as unknown[]) : [value]
      const options = rule.options ?? []
      if (list.some((v) => typeof v !== 'string' || !options.includes(v)))
        return bad(`${label}: ${shown} lists a value that is not one of the field's options`)
      return ok(list)
    }
    default: {
      const exhaustive: never = rule.type
      return exhaustive
    }
  }
}

/** Options of a field from a create request's `custom_field_options` ([{name, value}]). */
export function parseOptions(raw: unknown): { name: string; value: string }[] | string {
  if (!Array.isArray(raw) || raw.length === 0)
    return 'custom_field_options: a list of {name, value} is required for this type'
  const out: { name: string; value: string }[] = []
  for (const [i, o] of (raw as unknown[]).entries()) {
    const option = (o ?? {}) as { name?: unknown; value?: unknown }
    if (typeof option.name !== 'string' || option.name.trim() === '')
      return `custom_field_options[${i}].name: is required`
    if (typeof option.value !== 'string' || !/^[^\s]+$/.test(option.value))
      return `custom_field_options[${i}].value: is required and cannot contain spaces`
    out.push({ name: option.name, value: option.value })
  }
  return out
}
