// Our stricter Marketplace rules for manifest.json: what a listed app should do even where
// Zendesk's validation (checkManifest.ts, checkLocations.ts) accepts less.
import { isRecord } from '@/core/_lib/isRecord'

import type { Findings } from './context'
import { isNonEmptyString, show, truthy } from './context'
import { isValidUrl } from './checkManifest'
import type { ManifestModel, ParameterEntry } from './manifestModel'
import { LOCATION_FLAGS, MANIFEST_KEYS, SEMVER } from './marketplaceRules'
import { PRODUCTS } from './rules'

const FILE = 'manifest.json'

function checkAuthor(f: Findings, author: unknown): void {
  if (!isRecord(author)) return
  // The listing shows the author's name, a contact address and a website.
  if (!isNonEmptyString(author.name))
    f.marketplace('author', FILE, 'author.name', 'is missing (the listing shows it)')
  if (typeof author.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(author.email))
    f.marketplace(
      'author',
      FILE,
      'author.email',
      `must be an email address, got ${show(author.email)}`,
    )
  if (author.url === undefined || author.url === null || author.url === '')
    f.marketplace('author', FILE, 'author.url', 'is missing (the listing links to it)')
}

function checkLocations(f: Findings, model: ManifestModel): void {
  const legacyKeys = PRODUCTS.filter((p) => p.legacy !== p.name).map((p) => p.legacy as string)
  if (isRecord(model.raw.location)) {
    for (const key of Object.keys(model.raw.location)) {
      const product = PRODUCTS.find((p) => p.legacy === key)
      if (legacyKeys.includes(key) && product !== undefined)
        f.marketplace(
          'location-product-name',
          FILE,
          `location.${key}`,
          `use the product name "${product.name}" (the "${key}" spelling is legacy)`,
        )
    }
  }
  for (const entry of model.locations) {
    if (entry.stringForm)
      f.marketplace(
        'location-object-form',
        FILE,
        entry.key,
        'use the object form { "url": "assets/…" }, not a plain string',
      )
    for (const flag of LOCATION_FLAGS) {
      if (flag in entry.options && typeof entry.options[flag] !== 'boolean')
        f.marketplace(
          'location-flags',
          FILE,
          `${entry.key}.${flag}`,
          `must be true or false, got ${show(entry.options[flag])}`,
        )
    }
    const url = entry.options.url
    // An installed Marketplace app cannot load its pages from the developer's machine.
    if (
      typeof url === 'string' &&
      /^[a-z][a-z0-9+.-]*:\/\/(localhost|127\.0\.0\.1)([:/]|$)/i.test(url)
    )
      f.marketplace(
        'location-localhost',
        FILE,
        `${entry.key}.url`,
        `points at the local machine: ${url}`,
      )
  }
}

function checkParameter(f: Findings, p: ParameterEntry): void {
  if (!isNonEmptyString(p.name))
    f.marketplace('parameter-name', FILE, `${p.key}.name`, 'is missing (settings are read by name)')
  if (truthy(p.raw.secure)) {
    // secure_settings.rb only warns about an unscoped secure setting; the proxy then inserts it anywhere.
    if (!Array.isArray(p.raw.scopes) || p.raw.scopes.length === 0)
      f.marketplace(
        'secure-scopes',
        FILE,
        `${p.key}.scopes`,
        'secure parameters should declare scopes (where the proxy may insert them)',
      )
  }
  // secure_settings.rb only warns about a text setting named like a credential.
  if (
    typeof p.name === 'string' &&
    /token|key|pwd|password/i.test(p.name) &&
    p.type === 'text' &&
    !truthy(p.raw.secure)
  )
    f.marketplace(
      'credential-parameter',
      FILE,
      p.key,
      'looks like a credential: make it a secure setting ("secure": true with scopes)',
    )
  if (!('default' in p.raw)) return
  const value = p.raw.default
  const ok =
    p.type === 'number'
      ? typeof value === 'number'
      : p.type === 'checkbox'
        ? typeof value === 'boolean'
        : typeof value === 'string'
  if (!ok)
    f.marketplace(
      'parameter-default',
      FILE,
      `${p.key}.default`,
      `default ${show(value)} does not match type ${show(p.type)}`,
    )
}

/** Our Marketplace rules for the manifest: listing details, tidy locations, typed defaults. */
export function checkMarketplaceManifest(f: Findings, model: ManifestModel): void {
  const m = model.raw
  for (const key of Object.keys(m)) {
    if (!MANIFEST_KEYS.includes(key))
      f.marketplace('manifest-keys', FILE, key, 'unknown manifest key (Zendesk ignores it)')
  }
  if (!isNonEmptyString(m.version))
    f.marketplace('version', FILE, 'version', 'is missing (the listing shows it)')
  else if (!SEMVER.test(m.version))
    f.marketplace(
      'version',
      FILE,
      'version',
      `must be a semantic version such as "1.0.0", got ${show(m.version)}`,
    )
  checkAuthor(f, m.author)
  if (
    typeof m.termsConditionsURL === 'string' &&
    isValidUrl(m.termsConditionsURL) &&
    !m.termsConditionsURL.startsWith('https:')
  )
    f.marketplace('https-links', FILE, 'termsConditionsURL', 'should use https')
  if (!model.requirementsOnly && !model.marketingOnly) checkLocations(f, model)
  for (const p of model.parameters) checkParameter(f, p)
}
