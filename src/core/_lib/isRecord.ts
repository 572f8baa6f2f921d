/**
 * True for a plain JSON object: not null, not an array. The first check when reading untyped data
 * (API payloads, stored records, files) before looking at its fields.
 *
 * @example
 * isRecord({ id: 1 }) //=> true
 * isRecord([1]) //=> false
 * isRecord(null) //=> false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
