// Lenient readers for custom field values (`user_fields`, `organization_fields`): total, never throw.

import { quantileBySort } from '../../_lib/quantile'
import type { FieldValue } from '../types'

const SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' }

/**
 * A money amount from a field value: a finite number ≥ 0, or a string such as `"1,234.50"`,
 * `"EUR 1200"` or `"$99"` (a leading/trailing ISO code or symbol gives the currency).
 * Returns null for anything else (empty, negative, not a number).
 *
 * @example
 * parseMoney('EUR 1,200.50') //=> { amount: 1200.5, currency: 'EUR' }
 * parseMoney(-3) //=> null
 */
export function parseMoney(
  value: FieldValue | undefined,
): { amount: number; currency: string | null } | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? { amount: value, currency: null } : null
  }
  if (typeof value !== 'string') return null
  let text = value.trim()
  let currency: string | null = null
  const code = /^([A-Za-z]{3})\s*|\s*([A-Za-z]{3})$/.exec(text)
  if (code) {
    currency = (code[1] ?? code[2] ?? '').toUpperCase()
    text = text.replace(code[0], '')
  }
  const symbol = /^[$€£¥]/.exec(text)
  if (symbol) {
    currency ??= SYMBOLS[symbol[0]] ?? null
    text = text.slice(1)
  }
  text = text.replace(/[\s,_]/g, '')
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  const amount = Number(text)
  return Number.isFinite(amount) ? { amount, currency } : null
}

/**
 * An instant (epoch ms) from a date field: an ISO string, or a Unix time in seconds.
 *
 * @example
 * parseInstant('2026-10-01T00:00:00Z') //=> 1790812800000
 */
export function parseInstant(value: FieldValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value * 1000 : null
  if (typeof value !== 'string' || value.trim() === '') return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

/**
 * True for a field that says "yes": `true`, `1`, `"yes"`, `"true"`, `"high"`, `"at_risk"`.
 *
 * @example
 * isTruthyFlag('Yes') //=> true
 */
export function isTruthyFlag(value: FieldValue | undefined): boolean {
  if (value === true) return true
  if (typeof value === 'number') return value > 0
  if (typeof value !== 'string') return false
  return ['yes', 'true', '1', 'high', 'at_risk', 'at-risk', 'churning'].includes(
    value.trim().toLowerCase(),
  )
}

/**
 * Clamps to [0, 1]; NaN becomes 0.
 *
 * @example
 * unit(1.7) //=> 1
 */
export function unit(x: number): number {
  return x > 0 ? (x < 1 ? x : 1) : 0
}

export { DAY_MS, MINUTE_MS } from '../../_lib/time'

/**
 * Median of a list (linear interpolation), null when empty. Does not modify the input.
 *
 * @example
 * median([3, 1, 2, 10]) //=> 2.5
 */
export function median(values: readonly number[]): number | null {
  return quantileBySort(values, 0.5)
}
