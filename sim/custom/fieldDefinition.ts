// What ticket fields and custom object fields are defined with, checked the same way for both: a type
// among those the API creates, a title, options for list types and a pattern for regexp fields.
import { ApiError, recordInvalid } from '../api/errors'
import { type FieldType, parseOptions } from './fieldValues'

type Json = Record<string, unknown>

/** Throws Zendesk's 422 RecordInvalid for one attribute. */
export function fieldInvalid(
  attribute: string,
  description: string,
  error = 'InvalidValue',
): never {
  throw new ApiError(recordInvalid({ [attribute]: [{ description, error }] }))
}

/**
 * The `type` of a field definition body (default `text`), one of `types`.
 *
 * @example
 * fieldType({ type: 'integer' }, ['text', 'integer']) //=> 'integer'
 */
export function fieldType(input: Json, types: readonly FieldType[]): FieldType {
  const type = input.type ?? 'text'
  if (typeof type !== 'string' || !(types as readonly string[]).includes(type))
    fieldInvalid('type', `Type: ${JSON.stringify(type)} is not one of ${types.join(', ')}`)
  return type as FieldType
}

export type FieldDefinition = {
  title: string
  description: string
  active: boolean
  required: boolean
  options?: { name: string; value: string }[]
  regexp?: string
}

/**
 * The rest of a field definition of `type`: a non-blank title (as given), options when the type is
 * `listType` (tickets call it tagger, custom objects dropdown) or multiselect, and the pattern of a
 * regexp field.
 *
 * @example
 * fieldDefinition({ title: 'Score' }, 'integer', 'tagger') //=> { title: 'Score', description: '', active: true, required: false }
 */
export function fieldDefinition(
  input: Json,
  type: FieldType,
  listType: 'tagger' | 'dropdown',
): FieldDefinition {
  if (typeof input.title !== 'string' || input.title.trim() === '')
    fieldInvalid('title', 'Title: cannot be blank')
  let options: { name: string; value: string }[] | undefined
  if (type === listType || type === 'multiselect') {
    const parsed = parseOptions(input.custom_field_options)
    if (typeof parsed === 'string') fieldInvalid('custom_field_options', parsed)
    options = parsed
  }
  const regexp = input.regexp_for_validation
  if (type === 'regexp' && typeof regexp !== 'string')
    fieldInvalid('regexp_for_validation', 'Regexp for validation: is required for regexp fields')
  return {
    title: input.title,
    description: typeof input.description === 'string' ? input.description : '',
    active: input.active !== false,
    required: input.required === true,
    ...(options ? { options } : {}),
    ...(type === 'regexp' ? { regexp: regexp as string } : {}),
  }
}

type DefinedField = Omit<FieldDefinition, 'regexp'> & { id: number; type: string; position: number }

/**
 * The JSON every field kind starts with, after its url, id (and key): type, titles, descriptions,
 * position and flags, in Zendesk's order.
 *
 * @example
 * fieldHeadJson(field).raw_title === field.title //=> true
 */
export function fieldHeadJson(f: DefinedField): Json {
  return {
    type: f.type,
    title: f.title,
    raw_title: f.title,
    description: f.description,
    raw_description: f.description,
    position: f.position,
    active: f.active,
    required: f.required,
  }
}

/** `custom_field_options` of a list field (ids derived from the field's), or nothing. */
export function fieldOptionsJson(f: DefinedField): Json {
  if (!f.options) return {}
  return {
    custom_field_options: f.options.map((o, i) => ({
      id: f.id * 100 + i + 1,
      name: o.name,
      raw_name: o.name,
      value: o.value,
      position: i,
    })),
  }
}
