// English text of the value model's reason keys, from the `reason` section of translations/en.json
// (the app translates the same section into every locale; see docs/value-model.md for the list).

import { PRIORITY_REASONS } from '@/core'
import type { Reason } from '@/core'
import { createTranslator } from '@/i18n/translate'
import type { Messages, TranslationKey, TranslationParams } from '@/i18n/translate'
import en from '../../translations/en.json'

const TIER_NAMES: Record<string, string> = {
  standard: 'Standard',
  silver: 'Silver',
  gold: 'Gold',
  platinum: 'Platinum',
}

const catalogue = en as unknown as Messages
const t = createTranslator('en', catalogue, catalogue)
const reasonMessages = (catalogue.reason ?? {}) as Messages

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const mod100 = n % 100
  const suffix =
    mod100 >= 11 && mod100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th')
  return `${n}${suffix}`
}

function money(value: unknown, currency: string | number | undefined): string {
  const n = typeof value === 'number' ? value : Number(value)
  const text = n.toLocaleString('en-US', {
    maximumFractionDigits: 2,
    minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
  })
  return currency === 'points' ? `${text} points` : currency ? `${text} ${String(currency)}` : text
}

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const h = Math.round((minutes / 60) * 10) / 10
  return h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} days`
}

const n = (v: unknown): number => (typeof v === 'number' ? v : Number(v))

/** The reason's parameters as English words and numbers, as the command has always printed them. */
function englishParams(name: string, p: Reason['params']): TranslationParams {
  const out: TranslationParams = { ...p }
  if (p.tier !== undefined) out.tier = TIER_NAMES[String(p.tier)] ?? String(p.tier)
  if (p.value !== undefined) {
    out.value = money(p.value, name === 'valueEstimate' ? 'points' : p.currency)
  }
  if (p.percent !== undefined) out.percent = `${n(p.percent)} %`
  if (p.minutes !== undefined) out.minutes = duration(n(p.minutes))
  if (p.hours !== undefined) out.hours = duration(Math.round(n(p.hours) * 60))
  if (p.ordinal !== undefined) out.ordinal = ordinal(n(p.ordinal))
  if (p.days !== undefined) {
    out.days = n(p.days)
    // the plural form follows the number of days
    out.count = n(p.days)
  }
  if (p.priority !== undefined) {
    const s = String(p.priority)
    out.priority = `${s.charAt(0).toUpperCase()}${s.slice(1)}`
  }
  if (p.channel !== undefined) out.channel = String(p.channel)
  return out
}

/** The catalogue message of a reason key: `valueModel.reason.tier` → `reason.tier`. */
function messageName(reason: Reason): string | null {
  const prefix = 'valueModel.reason.'
  if (!reason.key.startsWith(prefix)) return null
  const name = reason.key.slice(prefix.length)
  // a tier reason without a value (the value is unknown) has its own, shorter sentence
  if (name === 'tier' && reason.params.value === undefined) return 'tierOnly'
  return name in reasonMessages ? name : null
}

/**
 * English text of a reason from translations/en.json; an unknown key is shown as the key itself.
 *
 * @example
 * reasonText({ key: 'valueModel.reason.repeatContact', params: { ordinal: 3, days: 7 } }) //=> '3rd contact in 7 days'
 */
export function reasonText(reason: Reason): string {
  const name = messageName(reason)
  if (name === null) return reason.key
  try {
    return t(`reason.${name}` as TranslationKey, englishParams(name, reason.params))
  } catch {
    // a reason missing a parameter its sentence needs: show the key rather than fail the command
    return reason.key
  }
}

/** The value model's reason keys that have English text. */
export const REASON_KEYS = PRIORITY_REASONS.filter((r) => r in reasonMessages).map(
  (r) => `valueModel.reason.${r}`,
)
