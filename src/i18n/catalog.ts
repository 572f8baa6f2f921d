import en from '../../translations/en.json'

import type { SupportedLocale } from './locale'
import type { Messages } from './translate'

// English ships in the main bundle (it is every other locale's fallback); the others load on
// demand so an agent downloads only their own language.
const LOADERS: Record<Exclude<SupportedLocale, 'en'>, () => Promise<{ default: unknown }>> = {
  ca: () => import('../../translations/ca.json'),
  es: () => import('../../translations/es.json'),
  ru: () => import('../../translations/ru.json'),
  ro: () => import('../../translations/ro.json'),
  id: () => import('../../translations/id.json'),
}

export const englishMessages: Messages = en

export async function loadMessages(locale: SupportedLocale): Promise<Messages> {
  if (locale === 'en') return englishMessages
  const module = await LOADERS[locale]()
  return module.default as Messages
}
