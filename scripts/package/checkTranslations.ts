import { isPluralNode, placeholdersOf } from '../../src/i18n/translate'

import type { Findings } from './context'
import { isNonEmptyString, isObject } from './context'
import type { ManifestSummary } from './checkManifest'
import { LOCALE_PATTERN, MARKETPLACE_KEYS, MAX_APP_NAME } from './rules'

type Tree = Record<string, unknown>

/** Every message (string or plural node) in a translation tree, by dotted key. */
function flatten(tree: Tree, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`
    if (isObject(value) && !isPluralNode(value)) flatten(value, path, out)
    else out.set(path, value)
  }
  return out
}

function pluralCategories(locale: string): string[] {
  try {
    return new Intl.PluralRules(locale).resolvedOptions().pluralCategories
  } catch {
    return ['other']
  }
}

function placeholderSet(message: unknown): string[] {
  if (typeof message === 'string') return placeholdersOf(message)
  if (isPluralNode(message))
    return [...new Set(Object.values(message).flatMap(placeholdersOf))].sort()
  return []
}

function checkMessage(
  f: Findings,
  file: string,
  locale: string,
  key: string,
  value: unknown,
  reference: unknown,
): void {
  if (isPluralNode(value)) {
    const missing = pluralCategories(locale).filter((c) => !(c in value))
    if (missing.length > 0)
      f.error(file, key, `plural forms missing for ${locale}: ${missing.join(', ')}`)
  } else if (typeof value !== 'string') {
    return f.error(file, key, 'must be a string or a plural object (one/few/many/other)')
  }
  if (reference === undefined) return
  if (isPluralNode(reference) !== isPluralNode(value)) {
    return f.error(
      file,
      key,
      isPluralNode(reference)
        ? 'must be a plural object like the default locale'
        : 'must be a plain string like the default locale',
    )
  }
  const expected = placeholderSet(reference)
  const actual = placeholderSet(value)
  if (expected.join() !== actual.join()) {
    const show = (names: string[]) =>
      names.length === 0 ? 'none' : names.map((n) => `{{${n}}}`).join(', ')
    f.error(
      file,
      key,
      `placeholders ${show(actual)} do not match the default locale's ${show(expected)}`,
    )
  }
}

function checkMarketplaceText(f: Findings, file: string, app: Tree, isPrivate: boolean): void {
  for (const key of MARKETPLACE_KEYS) {
    if (!isNonEmptyString(app[key])) {
      const why = isPrivate ? 'the Marketplace listing needs it' : 'required for a public app'
      f.error(file, `app.${key}`, `is missing (${why})`)
    }
  }
  const name = app.name
  if (typeof name === 'string') {
    if (name.length > MAX_APP_NAME)
      f.error(
        file,
        'app.name',
        `is ${name.length} characters; the Marketplace allows ${MAX_APP_NAME}`,
      )
    if (/zendesk/i.test(name)) f.error(file, 'app.name', 'must not contain the Zendesk trademark')
  }
}

/**
 * Checks every translations/<locale>.json: valid names and JSON, the Marketplace text in the
 * default locale, a label for every manifest parameter in every locale, and in other locales the
 * same keys as the default, with the same placeholders and the plural forms the language needs.
 */
export function checkTranslations(f: Findings, manifest: ManifestSummary): void {
  const files = [...f.files.keys()].filter((p) => p.startsWith('translations/'))
  const trees = new Map<string, Tree>()
  for (const file of files) {
    const locale = file.slice('translations/'.length).replace(/\.json$/, '')
    if (!file.endsWith('.json') || !LOCALE_PATTERN.test(locale)) {
      f.error(
        file,
        undefined,
        'translation files must be named translations/<locale>.json (e.g. en.json, pt-br.json)',
      )
      continue
    }
    const tree = f.json(file)
    if (tree === undefined) continue
    if (!isObject(tree)) f.error(file, undefined, 'must be a JSON object')
    else trees.set(locale, tree)
  }
  const defaultLocale = manifest.defaultLocale
  const reference = defaultLocale === undefined ? undefined : trees.get(defaultLocale)
  const referenceMessages =
    reference === undefined ? new Map<string, unknown>() : flatten(reference)

  for (const [locale, tree] of trees) {
    const file = `translations/${locale}.json`
    const app = isObject(tree.app) ? tree.app : undefined
    if (app === undefined) f.error(file, 'app', 'is missing')
    if (locale === defaultLocale && app !== undefined)
      checkMarketplaceText(f, file, app, manifest.isPrivate)
    const parameters = app !== undefined && isObject(app.parameters) ? app.parameters : {}
    for (const name of manifest.parameterNames) {
      const entry = parameters[name]
      if (!isObject(entry) || !isNonEmptyString(entry.label))
        f.error(file, `app.parameters.${name}.label`, 'is missing')
    }
    for (const name of Object.keys(parameters)) {
      if (!manifest.parameterNames.includes(name))
        f.warn(file, `app.parameters.${name}`, 'no manifest parameter has this name')
    }
    const messages = flatten(tree)
    for (const [key, value] of messages) {
      const isReference = locale === defaultLocale
      if (!isReference && reference !== undefined && !referenceMessages.has(key)) {
        f.warn(file, key, `is not in translations/${defaultLocale ?? '?'}.json`)
      }
      checkMessage(
        f,
        file,
        locale,
        key,
        value,
        isReference ? undefined : referenceMessages.get(key),
      )
    }
    if (locale === defaultLocale) continue
    for (const key of referenceMessages.keys()) {
      // The Marketplace name is not translated: Zendesk drops app.name from other locales.
      if (key !== 'app.name' && !messages.has(key))
        f.error(file, key, `is missing (present in ${defaultLocale ?? '?'}.json)`)
    }
  }
}
