import { createContext, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'

import { formattersFor } from './format'
import type { Formatters } from './format'
import { ENGLISH, loadLanguage, translatorFor } from './language'
import type { Language } from './language'
import { resolveLocale } from './locale'
import type { SupportedLocale } from './locale'
import type { Translate } from './translate'

export type I18n = { locale: SupportedLocale; t: Translate; format: Formatters }

const I18nContext = createContext<I18n | undefined>(undefined)

export type I18nProviderProps = {
  /** A Zendesk locale tag such as `currentUser.locale` (`es-419`); resolved with fallback. */
  locale: string | undefined
  /** A language loaded before the first render; used when it is the one `locale` resolves to. */
  language?: Language | null
  children: ReactNode
}

/**
 * Loads the agent's language and provides `t` and `format`. Until another language has loaded
 * the English text shows, so the app never renders blank while a translation downloads.
 */
export function I18nProvider({ locale, language, children }: I18nProviderProps) {
  const resolved = resolveLocale(locale)
  const [loaded, setLoaded] = useState<Language>(() =>
    language?.locale === resolved ? language : ENGLISH,
  )

  useEffect(() => {
    if (loaded.locale === resolved) return undefined
    let cancelled = false
    loadLanguage(resolved)
      .then((next) => {
        if (!cancelled) setLoaded(next)
      })
      .catch((err: unknown) => {
        // A failed language chunk leaves English in place rather than breaking the app.
        console.warn(`Retention Radar: could not load the '${resolved}' translation`, err)
      })
    return () => {
      cancelled = true
    }
  }, [resolved, loaded.locale])

  const value = useMemo<I18n>(
    () => ({
      locale: loaded.locale,
      t: translatorFor(loaded),
      format: formattersFor(loaded.locale),
    }),
    [loaded],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (value === undefined) throw new Error('useI18n() must be used within an I18nProvider')
  return value
}
