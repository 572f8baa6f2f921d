// Text of the value model's numbers and reasons in the agent's language: every number goes
// through Intl, every word through translations/.

import type { ScoreFactorView } from '@/core'
import type { Formatters } from '@/i18n/format'
import type { Translate, TranslationKey, TranslationParams } from '@/i18n/translate'

const TIERS = ['standard', 'silver', 'gold', 'platinum'] as const
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
const CHANNELS = [
  'email',
  'web',
  'api',
  'chat',
  'messaging',
  'voice',
  'mobile',
  'twitter',
  'facebook',
  'rule',
  'system',
] as const

/**
 * A message whose key is only known at run time (a reason key from the core); null when the
 * catalogue has no such message, so the caller can say something generic instead.
 */
export function translateKnown(
  t: Translate,
  key: string,
  params: TranslationParams,
): string | null {
  try {
    return t(key as TranslationKey, params)
  } catch {
    return null
  }
}

export function tierName(t: Translate, tier: string): string {
  return (TIERS as readonly string[]).includes(tier)
    ? t(`sidebar.tier.names.${tier as (typeof TIERS)[number]}`)
    : tier
}

/** Money in its currency, or engagement points for estimates (currency null or `points`). */
export function amountText(
  t: Translate,
  format: Formatters,
  amount: number,
  currency: string | null,
): string {
  if (currency === null || currency === '' || currency === 'points') {
    return t('sidebar.points', { count: Math.round(amount), points: format.number(amount, 0) })
  }
  try {
    return format.currency(amount, currency)
  } catch {
    // A currency Intl does not know: the number and the code as the admin wrote it.
    return `${format.number(amount, 2)} ${currency}`
  }
}

/** The reason's parameters as words and Intl-formatted numbers. */
function reasonParams(
  t: Translate,
  format: Formatters,
  params: Readonly<Record<string, string | number>>,
): TranslationParams {
  const out: TranslationParams = { ...params }
  const n = (v: unknown) => (typeof v === 'number' ? v : Number(v))
  if (params.tier !== undefined) out.tier = tierName(t, String(params.tier))
  if (params.value !== undefined) {
    const currency = params.currency === undefined ? null : String(params.currency)
    out.value = amountText(t, format, n(params.value), currency)
  }
  if (params.minutes !== undefined) out.minutes = format.duration(n(params.minutes), '—')
  if (params.hours !== undefined) out.hours = format.duration(n(params.hours) * 60, '—')
  if (params.percent !== undefined) out.percent = format.percent(n(params.percent) / 100)
  if (params.ordinal !== undefined) {
    out.ordinal = format.number(n(params.ordinal), 0)
    out.count = n(params.ordinal)
  }
  // `reason.repeatContact` and `reason.firstContact` pick their plural form by the days
  if (params.days !== undefined) out.count = n(params.days)
  if (
    params.priority !== undefined &&
    (PRIORITIES as readonly string[]).includes(String(params.priority))
  ) {
    out.priority = t(`sidebar.priority.${String(params.priority) as (typeof PRIORITIES)[number]}`)
  }
  if (params.channel !== undefined) {
    // `other` is spelled `unknown` in the catalogue: an `other` key would read as a plural form.
    const channel = String(params.channel)
    out.channel = (CHANNELS as readonly string[]).includes(channel)
      ? t(`sidebar.channel.${channel as (typeof CHANNELS)[number]}`)
      : t('sidebar.channel.unknown')
  }
  return out
}

/**
 * The sentence for a factor's reason, from the `reason` section of translations/ (the core's reason
 * keys, `valueModel.reason.tier` or `reason.tier`, both name `reason.tier`). A key the catalogue
 * lacks gives the factor's name, never the raw key.
 *
 * @example
 * reasonText(t, format, factor) //=> 'SLA breach in 25 min'
 */
export function reasonText(t: Translate, format: Formatters, factor: ScoreFactorView): string {
  const name = factor.reasonKey.slice(factor.reasonKey.lastIndexOf('.') + 1)
  const params = reasonParams(t, format, factor.params)
  return translateKnown(t, `reason.${name}`, params) ?? t(`sidebar.why.factors.${factor.key}`)
}
