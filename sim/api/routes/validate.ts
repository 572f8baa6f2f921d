// Checks shared by the write routes: each failure becomes an entry of Zendesk's 422 RecordInvalid
// `details`, named after the attribute and saying what was wrong, and every failure of a request is
// reported at once.
import { ApiError, type ErrorDetail, invalidValue, recordInvalid, unprocessable } from '../errors'

/** Collects validation failures by attribute; `throwIfAny` answers them all in one 422. */
export class Problems {
  private readonly details: Record<string, ErrorDetail[]> = {}

  add(attribute: string, description: string, error = 'InvalidValue'): void {
    ;(this.details[attribute] ??= []).push({ description, error })
  }

  get empty(): boolean {
    return Object.keys(this.details).length === 0
  }

  throwIfAny(): void {
    if (!this.empty) throw new ApiError(recordInvalid(this.details))
  }
}

/**
 * The object under `key` of a request body (`{"ticket": {...}}`), or a 400 naming what was expected.
 *
 * @example
 * bodyObject({ user: { name: 'Ana' } }, 'user') //=> { name: 'Ana' }
 */
export function bodyObject(body: unknown, key: string): Record<string, unknown> {
  const inner = (body as Record<string, unknown> | null)?.[key]
  if (!inner || typeof inner !== 'object' || Array.isArray(inner))
    throw new ApiError(invalidValue(`body must be {"${key}": {...}}`))
  return inner as Record<string, unknown>
}

/** Refuses attributes the simulator does not take, naming them and the ones it does. */
export function onlyKnown(input: Record<string, unknown>, known: readonly string[], what: string) {
  const unknown = Object.keys(input).filter((k) => !known.includes(k))
  if (unknown.length > 0) {
    throw new ApiError(
      unprocessable(`${what} takes ${known.join(', ')} only (got ${unknown.join(', ')})`),
    )
  }
}

/**
 * A tag list: strings without spaces, lower-cased as Zendesk stores them; null after reporting.
 *
 * @example
 * tagList(['VIP', 'churn_risk'], 'tags', problems) //=> ['vip', 'churn_risk']
 */
export function tagList(v: unknown, name: string, problems: Problems): string[] | null {
  if (
    !Array.isArray(v) ||
    v.some((x) => typeof x !== 'string' || x.trim() === '' || /\s/.test(x))
  ) {
    problems.add(name, `${name} must be an array of tags without spaces (got ${JSON.stringify(v)})`)
    return null
  }
  return v.map((x: string) => x.toLowerCase())
}

/** One of the allowed strings; null after reporting. */
export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  name: string,
  problems: Problems,
): T | null {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    problems.add(name, `${name}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`)
    return null
  }
  return value as T
}

/** A positive integer id, or null (absent values are the caller's business); NaN after reporting. */
export function idValue(value: unknown, name: string, problems: Problems): number | null {
  if (value === null) return null
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value
  problems.add(name, `${name}: ${JSON.stringify(value)} is not an id`)
  return NaN
}

/** `custom_fields` entries as `{id, value}` (their values are checked against the fields later). */
export function customFieldList(
  fields: unknown,
  problems: Problems,
): { id: number; value: unknown }[] {
  if (!Array.isArray(fields)) {
    problems.add('custom_fields', 'custom_fields must be an array of {id, value}')
    return []
  }
  const out: { id: number; value: unknown }[] = []
  fields.forEach((f: unknown, i) => {
    const field = (f ?? {}) as { id?: unknown; value?: unknown }
    if (typeof field.id !== 'number' || !Number.isInteger(field.id))
      problems.add('custom_fields', `custom_fields[${i}]: each entry needs an integer id`)
    else out.push({ id: field.id, value: field.value ?? null })
  })
  return out
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+?[0-9][0-9 ().-]{3,24}$/

/** A well-formed email, lower-cased; null after reporting. */
export function emailValue(value: unknown, name: string, problems: Problems): string | null {
  if (typeof value === 'string' && EMAIL.test(value.trim())) return value.trim().toLowerCase()
  problems.add(name, `Email: ${JSON.stringify(value)} is not properly formatted`, 'InvalidFormat')
  return null
}

/** A phone number (digits, spaces, + ( ) . -); null after reporting. */
export function phoneValue(value: unknown, name: string, problems: Problems): string | null {
  if (typeof value === 'string' && PHONE.test(value.trim())) return value.trim()
  problems.add(name, `Phone: ${JSON.stringify(value)} is not a phone number`, 'InvalidFormat')
  return null
}

/** A non-blank name, trimmed; null after reporting. */
export function nameValue(value: unknown, name: string, problems: Problems): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  problems.add(name, `Name: cannot be blank (got ${JSON.stringify(value)})`, 'BlankValue')
  return null
}
