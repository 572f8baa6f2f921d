// Zendesk's translation rules (zendesk_apps_support validations/translations.rb, with
// build_translation.rb for the title/value format). Our stricter checks are in
// marketplaceTranslations.ts.
import { isRecord } from '@/core/_lib/isRecord'

import type { Findings } from './context'
import { show } from './context'
import type { ManifestModel } from './manifestModel'
import { PRODUCTS, PUBLIC_APP_KEYS, VALID_LOCALE } from './rules'

const PATH = /^translations\/(.*)\.json$/
const PRODUCT_NAMES: string[] = PRODUCTS.map((p) => p.name)

/** build_translation.rb translation_hash?: exactly the keys title and value. */
export function isTitleValue(node: unknown): node is { title: unknown; value: unknown } {
  return isRecord(node) && Object.keys(node).sort().join() === 'title,value'
}

/** translations.rb validate_translation_format: every node is an object, ending in title/value pairs. */
function formatProblem(node: Record<string, unknown>, path: string): string | undefined {
  for (const [key, value] of Object.entries(node)) {
    const at = path === '' ? key : `${path}.${key}`
    if (!isRecord(value)) return at
    if (isTitleValue(value) && typeof value.title === 'string' && typeof value.value === 'string')
      continue
    const inner = formatProblem(value, at)
    if (inner !== undefined) return inner
  }
  return undefined
}

/** translations.rb get_missing_keys: `description` counts as `short_description`. */
function missingKeys(keys: string[], publicApp: boolean): string[] {
  const present = keys.map((k) => (k === 'description' ? 'short_description' : k))
  return (publicApp ? PUBLIC_APP_KEYS : ['name']).filter((k) => !present.includes(k))
}

function checkMarketplaceContent(
  f: Findings,
  file: string,
  tree: Record<string, unknown>,
  model: ManifestModel | undefined,
): void {
  const app = isRecord(tree.app) ? tree.app : {}
  // translations.rb validate_marketplace_content: private apps need only the name.
  const publicApp = model !== undefined && !model.isPrivate
  const products = Object.keys(app).filter((k) => PRODUCT_NAMES.includes(k))
  if (products.length === 0) {
    const lacking = missingKeys(Object.keys(app), publicApp)
    for (const key of lacking)
      f.zendesk(
        'translations.rb:translation.missing_required_key',
        file,
        `app.${key}`,
        'is missing',
      )
    return
  }
  // translations.rb validate_products_match_manifest_products
  const extra = products.filter((p) => !(model?.products ?? []).includes(p))
  if (extra.length > 0)
    f.zendesk(
      'translations.rb:translation.products_do_not_match_manifest_products',
      file,
      'app',
      `has text for ${extra.join(', ')}, which the manifest's locations do not use (${(model?.products ?? []).join(', ') || 'none'})`,
    )
  for (const product of products) {
    const block = app[product]
    const lacking = missingKeys(isRecord(block) ? Object.keys(block) : [], publicApp)
    for (const key of lacking)
      f.zendesk(
        'translations.rb:translation.missing_required_key_for_product',
        file,
        `app.${product}.${key}`,
        'is missing',
      )
  }
}

/** Checks translations/*.json as Zendesk does: names, JSON, formats, and en.json's app text. */
export function checkTranslations(f: Findings, model: ManifestModel | undefined): void {
  for (const file of f.files.keys()) {
    const locale = PATH.exec(file)?.[1]
    if (locale === undefined) continue
    // translations.rb locale_error
    if (!VALID_LOCALE.test(locale))
      f.zendesk(
        'translations.rb:translation.invalid_locale',
        file,
        undefined,
        'is not named after a locale (translations/<locale>.json, e.g. en.json or pt-br.json)',
      )
    const parsed = f.parse(file)
    if (parsed?.error !== undefined) {
      f.zendesk(
        'translations.rb:translation.not_json',
        file,
        undefined,
        `is not valid JSON: ${parsed.error}`,
      )
      continue
    }
    const tree = parsed?.value
    if (!isRecord(tree)) {
      f.zendesk(
        'translations.rb:translation.not_json_object',
        file,
        undefined,
        `must be a JSON object, got ${show(tree)}`,
      )
      continue
    }
    const app = isRecord(tree.app) ? tree.app : undefined
    // translations.rb json_error: files with app.package use the title/value format throughout.
    if (app !== undefined && 'package' in app && app.package !== null && app.package !== false) {
      const rest = Object.fromEntries(Object.entries(app).filter(([k]) => k !== 'package'))
      const bad = formatProblem({ ...tree, app: rest }, '')
      if (bad !== undefined)
        f.zendesk(
          'translations.rb:translation.invalid_format',
          file,
          bad,
          'must be an object of {"title", "value"} strings (this file uses the title/value format)',
        )
    }
    // translations.rb format_error: each parameter entry is an object with a label.
    const parameters = app?.parameters
    // The gem reads app.parameters as name → entry and fails on anything else.
    if (
      parameters !== undefined &&
      parameters !== null &&
      parameters !== false &&
      !isRecord(parameters)
    )
      f.zendesk(
        'translations.rb:translation.missing_required_key_on_leaf',
        file,
        'app.parameters',
        `must be an object of parameter labels, got ${show(parameters)}`,
      )
    if (isRecord(parameters)) {
      for (const [name, entry] of Object.entries(parameters)) {
        if (!isRecord(entry) || !('label' in entry))
          f.zendesk(
            'translations.rb:translation.missing_required_key_on_leaf',
            file,
            `app.parameters.${name}`,
            'must be an object with a label',
          )
      }
    }
    // Zendesk reads the Marketplace text from en.json, whatever the default locale.
    if (file === 'translations/en.json') checkMarketplaceContent(f, file, tree, model)
  }
}
