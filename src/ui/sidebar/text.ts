// Text of the value model's numbers and reasons in the agent's language: every number goes
// through Intl, every word through translations/.

import { CHANNELS as ALL_CHANNELS, madeOnce } from '@/core'
import type { Channel, ScoreFactorView } from '@/core'
import { formattersFor } from '@/i18n/format'
import type { Formatters } from '@/i18n/format'
import { ENGLISH, translatorFor } from '@/i18n/language'
import { resolveLocale } from '@/i18n/locale'
import type { Translate, TranslationKey, TranslationParams } from '@/i18n/translate'

/** What the reason texts need from the i18n provider: the locale picks the ordinal's form. */
export type ReasonI18n = { locale: string; t: Translate; format: Formatters }

const TIERS = ['standard', 'silver', 'gold', 'platinum'] as const
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
const CHANNELS = ALL_CHANNELS.filter((c) => c !== 'other')

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

// Ordinal categories the six locales use (CLDR); a locale's other categories read as `other`.
const ORDINAL_FORMS = {
  one: 'oneForm',
  two: 'twoForm',
  few: 'fewForm',
  other: 'otherForm',
} as const

// Plural rules cost far more to make than to use: one per locale, made when first needed.
const ordinalRulesByLocale = new Map<string, Intl.PluralRules>()
function ordinalRules(locale: string): Intl.PluralRules {
  return madeOnce(
    ordinalRulesByLocale,
    locale,
    () => new Intl.PluralRules(locale, { type: 'ordinal' }),
  )
}

/**
 * A position in the agent's language ("3rd" in English): the form comes from
 * `Intl.PluralRules(locale, { type: 'ordinal' })`, the words from `sidebar.ordinal`.
 *
 * @example
 * ordinalText({ locale: 'en', t, format }, 22) //=> '22nd'
 */
export function ordinalText({ locale, t, format }: ReasonI18n, n: number): string {
  const category = ordinalRules(locale).select(n)
  const form =
    category in ORDINAL_FORMS
      ? ORDINAL_FORMS[category as keyof typeof ORDINAL_FORMS]
      : ORDINAL_FORMS.other
  return t(`sidebar.ordinal.${form}`, { n: format.number(n, 0) })
}

/**
 * Makes, and uses once, what the glance's text needs in the locale `tag` resolves to: the English
 * translator (every language's fallback) with its plural rules, the ordinal rules, and the number,
 * percent, duration and `currency` formatters. The first Intl formatter a page makes sets up the
 * engine's number formatting, which took a large part of the sidebar's first render; called while
 * the page waits for Zendesk, it is done before the ticket arrives. The formatters are the page's
 * own (`formattersFor`), so the render reuses them.
 *
 * @example
 * warmSidebarText(navigator.language, 'USD')
 */
export function warmSidebarText(tag: string | undefined, currency: string): void {
  const locale = resolveLocale(tag)
  const format = formattersFor(locale)
  const t = translatorFor(ENGLISH)
  ordinalText({ locale, t, format }, 1)
  format.percent(0.5)
  // two units at most per duration: days and hours, then hours and minutes
  format.duration(24 * 60 + 60, '')
  format.duration(61, '')
  amountText(t, format, 1.5, currency)
  amountText(t, format, 1500, currency)
  amountText(t, format, 1500, null)
}

/** The reason's parameters as words and Intl-formatted numbers. */
function reasonParams(
  i18n: ReasonI18n,
  params: Readonly<Record<string, string | number>>,
): TranslationParams {
  const { t, format } = i18n
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
    out.ordinal = ordinalText(i18n, n(params.ordinal))
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
      ? t(`sidebar.channel.${channel as Exclude<Channel, 'other'>}`)
      : t('sidebar.channel.unknown')
  }
  return out
}

/**
 * The sentence for a factor's reason, from the `reason` section of translations/ (the core's reason
 * keys, `valueModel.reason.tier` or `reason.tier`, both name `reason.tier`). A tier reason without
 * a value (value unknown, tier above standard) reads `reason.tierOnly`. A key the catalogue lacks
 * gives the factor's name, never the raw key.
 *
 * @example
 * reasonText({ locale: 'en', t, format }, factor) //=> 'SLA breach in 25 min'
 */
export function reasonText(i18n: ReasonI18n, factor: ScoreFactorView): string {
  const last = factor.reasonKey.slice(factor.reasonKey.lastIndexOf('.') + 1)
  const name = last === 'tier' && factor.params.value === undefined ? 'tierOnly' : last
  const params = reasonParams(i18n, factor.params)
  return (
    translateKnown(i18n.t, `reason.${name}`, params) ?? i18n.t(`sidebar.why.factors.${factor.key}`)
  )
}
