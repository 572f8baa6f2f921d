// A language with its messages loaded: what the I18nProvider renders in. The sidebar's start loads
// the agent's language while it waits for Zendesk, so its first render is already in it.
import { madeOnce } from '@/core'

import { englishMessages, loadMessages } from './catalog'
import { resolveLocale } from './locale'
import type { SupportedLocale } from './locale'
import { createTranslator } from './translate'
import type { Messages, Translate } from './translate'

export type Language = { locale: SupportedLocale; messages: Messages }

/** English, in the main bundle: every other language's fallback. */
export const ENGLISH: Language = { locale: 'en', messages: englishMessages }

/**
 * The language a Zendesk locale tag resolves to, with its messages (English at once; another
 * language once its chunk has loaded). Rejects when the chunk cannot be loaded.
 *
 * @example
 * (await loadLanguage('es-419')).locale //=> 'es'
 */
export async function loadLanguage(tag: string | null | undefined): Promise<Language> {
  const locale = resolveLocale(tag)
  return locale === 'en' ? ENGLISH : { locale, messages: await loadMessages(locale) }
}

// Keyed by the messages object: a language's catalogue is loaded once per page.
const translators = new WeakMap<Messages, Translate>()

/** `t` for a loaded language (English as its fallback), made once per page. */
export function translatorFor(language: Language): Translate {
  return madeOnce(translators, language.messages, () =>
    createTranslator(language.locale, language.messages, englishMessages),
  )
}
