// Our stricter Marketplace rules for translations/*.json: the listing text in the default locale,
// a label for every setting in every locale, and every locale complete, with the same placeholders
// and the plural forms its language needs. Zendesk's own rules are in checkTranslations.ts.
import { isRecord } from '@/core/_lib/isRecord'

import { isPluralNode, placeholdersOf } from '../../src/i18n/translate'

import { isTitleValue } from './checkTranslations'
import type { Findings } from './context'
import { isNonEmptyString } from './context'
import type { ManifestModel } from './manifestModel'
import { LISTING_KEYS, MAX_APP_NAME } from './marketplaceRules'
import { PRODUCTS, VALID_LOCALE } from './rules'

type Tree = Record<string, unknown>

const PRODUCT_NAMES: string[] = PRODUCTS.map((p) => p.name)

/**
 * A translation tree as Zendesk serves it (build_translation.rb remove_zendesk_keys): title/value
 * pairs become their value, and app.package is dropped.
 */
function normalise(tree: Tree, top = true): Tree {
  const out: Tree = {}
  for (const [key, value] of Object.entries(tree)) {
    if (isTitleValue(value)) out[key] = value.value
    else if (isRecord(value)) out[key] = normalise(value, false)
    else out[key] = value
  }
  if (top && isRecord(out.app)) delete out.app.package
  return out
}

/** Every message (string or plural node) in a translation tree, by dotted key. */
function flatten(tree: Tree, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`
    if (isRecord(value) && !isPluralNode(value)) flatten(value, path, out)
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

function showNames(names: string[]): string {
  return names.length === 0 ? 'none' : names.map((n) => `{{${n}}}`).join(', ')
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
      f.marketplace(
        'plural-forms',
        file,
        key,
        `plural forms missing for ${locale}: ${missing.join(', ')}`,
      )
  } else if (typeof value !== 'string') {
    return f.marketplace(
      'message-shape',
      file,
      key,
      'must be a string, a plural object (one/few/many/other) or a title/value pair',
    )
  }
  if (reference === undefined) return
  if (isPluralNode(reference) !== isPluralNode(value)) {
    const want = isPluralNode(reference) ? 'a plural object' : 'a plain string'
    return f.marketplace('message-shape', file, key, `must be ${want} like the default locale`)
  }
  const expected = placeholderSet(reference)
  const actual = placeholderSet(value)
  if (expected.join() !== actual.join())
    f.marketplace(
      'placeholders',
      file,
      key,
      `placeholders ${showNames(actual)} do not match the default locale's ${showNames(expected)}`,
    )
}

/** The listing text, top-level or per product (translations.rb accepts both, and description for short_description). */
function checkListing(f: Findings, file: string, app: Tree): void {
  const products = Object.keys(app).filter((k) => PRODUCT_NAMES.includes(k))
  const blocks: [string, Tree][] =
    products.length === 0
      ? [['app', app]]
      : products.map((p) => [`app.${p}`, isRecord(app[p]) ? app[p] : {}])
  for (const [at, block] of blocks) {
    for (const key of LISTING_KEYS) {
      const value =
        key === 'short_description' ? (block.short_description ?? block.description) : block[key]
      if (!isNonEmptyString(value))
        f.marketplace(
          'listing-text',
          file,
          `${at}.${key}`,
          'is missing (the Marketplace listing needs it)',
        )
    }
    const name = block.name
    if (typeof name !== 'string') continue
    if (name.length > MAX_APP_NAME)
      f.marketplace(
        'app-name',
        file,
        `${at}.name`,
        `is ${name.length} characters; the Marketplace allows ${MAX_APP_NAME}`,
      )
    if (/zendesk/i.test(name))
      f.marketplace('app-name', file, `${at}.name`, 'must not contain the Zendesk trademark')
  }
}

/** Whether a key is the listing name, which Zendesk drops from other locales (package.rb process_translations). */
function isListingName(key: string): boolean {
  return key === 'app.name' || PRODUCT_NAMES.some((p) => key === `app.${p}.name`)
}

/** Our Marketplace rules for every translations/<locale>.json. */
export function checkMarketplaceTranslations(f: Findings, model: ManifestModel | undefined): void {
  const trees = new Map<string, Tree>()
  for (const file of f.files.keys()) {
    const locale = /^translations\/(.*)\.json$/.exec(file)?.[1]
    if (locale === undefined || !VALID_LOCALE.test(locale)) continue
    const parsed = f.parse(file)
    // Zendesk keeps the last of two equal keys without a word; one of them is a mistake.
    for (const key of parsed?.duplicates ?? [])
      f.marketplace('duplicate-keys', file, key, 'key appears more than once')
    if (isRecord(parsed?.value)) trees.set(locale, normalise(parsed.value))
  }
  const defaultLocale = model?.defaultLocale
  const reference = defaultLocale === undefined ? undefined : trees.get(defaultLocale)
  const referenceMessages =
    reference === undefined ? new Map<string, unknown>() : flatten(reference)
  const parameterNames = (model?.parameters ?? []).map((p) => p.name).filter(isNonEmptyString)
  for (const [locale, tree] of trees) {
    const file = `translations/${locale}.json`
    const isReference = locale === defaultLocale
    const app = isRecord(tree.app) ? tree.app : undefined
    if (isReference) {
      if (app === undefined)
        f.marketplace(
          'listing-text',
          file,
          'app',
          'is missing (the Marketplace listing text lives here)',
        )
      else checkListing(f, file, app)
    }
    const parameters = app !== undefined && isRecord(app.parameters) ? app.parameters : {}
    for (const name of parameterNames) {
      const entry = parameters[name]
      if (!isRecord(entry) || !isNonEmptyString(entry.label))
        f.marketplace(
          'parameter-labels',
          file,
          `app.parameters.${name}.label`,
          'is missing (admins see this label in the settings)',
        )
    }
    for (const name of Object.keys(parameters)) {
      if (model !== undefined && !parameterNames.includes(name))
        f.marketplace(
          'parameter-labels',
          file,
          `app.parameters.${name}`,
          'no manifest parameter has this name',
        )
    }
    const messages = flatten(tree)
    for (const [key, value] of messages) {
      if (!isReference && reference !== undefined && !referenceMessages.has(key))
        f.marketplace(
          'locale-keys',
          file,
          key,
          `is not in translations/${defaultLocale ?? '?'}.json`,
        )
      checkMessage(
        f,
        file,
        locale,
        key,
        value,
        isReference ? undefined : referenceMessages.get(key),
      )
    }
    if (isReference) continue
    for (const key of referenceMessages.keys()) {
      if (!isListingName(key) && !messages.has(key))
        f.marketplace(
          'locale-keys',
          file,
          key,
          `is missing (present in ${defaultLocale ?? '?'}.json)`,
        )
    }
  }
}
