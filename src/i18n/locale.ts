export const SUPPORTED_LOCALES = ['en', 'ca', 'es', 'ru', 'ro', 'id'] as const
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: SupportedLocale = 'en'

function isSupported(tag: string): tag is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(tag)
}

/**
 * Picks the translation for a Zendesk locale (`currentUser.locale`, e.g. `es-419`, `pt-BR`):
 * the exact tag, then its language (`xx-YY → xx`), then English. Case and `_` are normalised.
 *
 * @example
 * resolveLocale('es-419') //=> 'es'
 * resolveLocale('de') //=> 'en'
 */
export function resolveLocale(requested: string | null | undefined): SupportedLocale {
  if (typeof requested !== 'string' || requested.trim() === '') return DEFAULT_LOCALE
  const tag = requested.trim().replace(/_/g, '-').toLowerCase()
  if (isSupported(tag)) return tag
  const language = tag.split('-')[0] ?? ''
  return isSupported(language) ? language : DEFAULT_LOCALE
}
