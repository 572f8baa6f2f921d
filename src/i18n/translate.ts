import type en from '../../translations/en.json'

export type Messages = { [key: string]: string | Messages }

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const

// A plural node is an object keyed by CLDR plural categories; it is looked up as one key.
type Leaves<T> = T extends string
  ? ''
  : T extends { other: string }
    ? ''
    : {
        [K in keyof T & string]: Leaves<T[K]> extends infer L
          ? L extends ''
            ? K
            : `${K}.${L & string}`
          : never
      }[keyof T & string]

/** Every translation key of the English catalogue; `t()` accepts nothing else. */
export type TranslationKey = Leaves<typeof en>
export type TranslationParams = Record<string, string | number>
export type Translate = (key: TranslationKey, params?: TranslationParams) => string

export class TranslationError extends Error {
  override name = 'TranslationError'
}

/** Placeholders (`{{name}}`) in a message, sorted and unique. */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>()
  for (const match of message.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) names.add(match[1] ?? '')
  return [...names].sort()
}

export function isPluralNode(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || !('other' in value)) return false
  return Object.entries(value).every(
    ([k, v]) => (PLURAL_CATEGORIES as readonly string[]).includes(k) && typeof v === 'string',
  )
}

function lookup(messages: Messages, key: string): string | Messages | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined
    node = node[part]
  }
  return node
}

function interpolate(message: string, key: string, params: TranslationParams): string {
  return message.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) {
      throw new TranslationError(`Translation '${key}' needs the parameter '${name}'`)
    }
    return String(value)
  })
}

/**
 * Builds `t(key, params)` for one locale. A key missing from the locale falls back to English;
 * a key missing from English, or a placeholder without its parameter, is a programming error
 * and throws. Plural nodes pick their form with `Intl.PluralRules` from `params.count`.
 */
export function createTranslator(
  locale: string,
  messages: Messages,
  fallback: Messages,
): Translate {
  const plurals = new Intl.PluralRules(locale)
  return (key, params = {}) => {
    const node = lookup(messages, key) ?? lookup(fallback, key)
    if (node === undefined) throw new TranslationError(`Unknown translation key '${key}'`)
    if (typeof node === 'string') return interpolate(node, key, params)
    if (!isPluralNode(node)) {
      throw new TranslationError(`Translation key '${key}' is a group, not a message`)
    }
    const count = params.count
    if (typeof count !== 'number') {
      throw new TranslationError(`Plural translation '${key}' needs a numeric 'count'`)
    }
    const form = node[plurals.select(count)] ?? node.other
    return interpolate(form ?? '', key, params)
  }
}
