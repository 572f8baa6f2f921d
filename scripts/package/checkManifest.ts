// Zendesk's manifest rules (zendesk_apps_support lib/zendesk_apps_support/validations/manifest.rb,
// marketplace.rb for experiments). Locations are in checkLocations.ts, parameters in
// checkParameters.ts.
import { isRecord } from '@/core/_lib/isRecord'

import { checkLocations } from './checkLocations'
import type { Findings } from './context'
import { show, truthy } from './context'
import { checkParameters } from './checkParameters'
import type { ManifestModel } from './manifestModel'
import { readManifestModel } from './manifestModel'
import {
  BOOLEAN_KEYS,
  FRAMEWORK_VERSIONS,
  LOCATIONS,
  OAUTH_REQUIRED_FIELDS,
  STRING_KEYS,
  VALID_LOCALE,
  WHITELISTED_EXPERIMENTS,
} from './rules'

const FILE = 'manifest.json'

/** validations/manifest.rb valid_url?: an http(s) URL with a host. */
export function isValidUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

function typeChecks(f: Findings, m: Record<string, unknown>): void {
  // manifest.rb boolean_error; `private` defaults to true, the others to false when null.
  for (const key of BOOLEAN_KEYS) {
    if (truthy(m[key]) && m[key] !== true)
      f.zendesk(
        'manifest.rb:unacceptable_boolean',
        FILE,
        key,
        `must be true or false, got ${show(m[key])}`,
      )
  }
  if ('private' in m && typeof m.private !== 'boolean')
    f.zendesk(
      'manifest.rb:unacceptable_boolean',
      FILE,
      'private',
      `must be true or false, got ${show(m.private)}`,
    )
  // manifest.rb string_error
  for (const key of STRING_KEYS) {
    if (m[key] !== undefined && m[key] !== null && typeof m[key] !== 'string')
      f.zendesk(
        'manifest.rb:unacceptable_string',
        FILE,
        key,
        `must be a string, got ${show(m[key])}`,
      )
  }
  if (truthy(m.author)) {
    if (!isRecord(m.author)) {
      f.zendesk(
        'manifest.rb:unacceptable_string',
        FILE,
        'author',
        'must be an object with name, email and url',
      )
    } else {
      for (const field of ['name', 'email', 'url']) {
        const value = m.author[field]
        if (value !== undefined && value !== null && typeof value !== 'string')
          f.zendesk(
            'manifest.rb:unacceptable_string',
            FILE,
            `author.${field}`,
            `must be a string, got ${show(value)}`,
          )
      }
    }
  }
  // manifest.rb type_checks: experiments is a hash, domainWhitelist an array of strings.
  if (truthy(m.experiments) && !isRecord(m.experiments))
    f.zendesk(
      'manifest.rb:unacceptable_hash',
      FILE,
      'experiments',
      `must be an object of name: true/false, got ${show(m.experiments)}`,
    )
  const whitelist = m.domainWhitelist
  if (whitelist !== undefined && whitelist !== null) {
    if (!Array.isArray(whitelist) || !whitelist.every((d) => typeof d === 'string'))
      f.zendesk(
        'manifest.rb:unacceptable_array_of_strings',
        FILE,
        'domainWhitelist',
        `must be an array of domain strings, got ${show(whitelist)}`,
      )
  }
  if (m.parameters !== undefined && m.parameters !== null && !Array.isArray(m.parameters))
    f.zendesk(
      'manifest.rb:parameters_not_an_array',
      FILE,
      'parameters',
      `must be an array, got ${show(m.parameters)}`,
    )
  // manifest.rb no_template_format_error: true/false or an array of location names.
  const noTemplate = m.noTemplate
  const locationNames = new Set(Object.values(LOCATIONS).flatMap((l) => l.map((x) => x.name)))
  if (truthy(noTemplate) && noTemplate !== true) {
    if (
      !Array.isArray(noTemplate) ||
      !noTemplate.every((n) => typeof n === 'string' && locationNames.has(n))
    )
      f.zendesk(
        'manifest.rb:invalid_no_template',
        FILE,
        'noTemplate',
        'must be true, false or an array of location names',
      )
  }
}

function oauthChecks(f: Findings, model: ManifestModel): void {
  const oauth = model.raw.oauth
  if (!truthy(oauth)) return
  // manifest.rb oauth_error: the four fields are required and non-empty.
  const block = isRecord(oauth) ? oauth : {}
  if (!isRecord(oauth))
    f.zendesk(
      'manifest.rb:oauth_keys.missing',
      FILE,
      'oauth',
      `must be an object with ${OAUTH_REQUIRED_FIELDS.join(', ')}`,
    )
  else {
    for (const key of OAUTH_REQUIRED_FIELDS) {
      const value = block[key]
      if (value === undefined || value === null || value === '')
        f.zendesk(
          'manifest.rb:oauth_keys.missing',
          FILE,
          `oauth.${key}`,
          'is missing (required in an oauth block)',
        )
      else if (typeof value !== 'string')
        f.zendesk(
          'manifest.rb:oauth_keys.missing',
          FILE,
          `oauth.${key}`,
          `must be a string, got ${show(value)}`,
        )
    }
  }
  if (!model.parameters.some((p) => p.type === 'oauth'))
    f.zendesk(
      'manifest.rb:oauth_parameter_required',
      FILE,
      'oauth',
      'an oauth block needs a parameter of type "oauth"',
    )
}

function urlChecks(f: Findings, m: Record<string, unknown>): void {
  // manifest.rb validate_urls: termsConditionsURL and author.url, when given (even empty), are http(s) URLs.
  const terms = m.termsConditionsURL
  if (typeof terms === 'string' && !isValidUrl(terms))
    f.zendesk(
      'manifest.rb:invalid_url',
      FILE,
      'termsConditionsURL',
      `must be an http(s) URL with a host, got ${show(terms)}`,
    )
  const url = isRecord(m.author) ? m.author.url : undefined
  if (typeof url === 'string' && !isValidUrl(url))
    f.zendesk(
      'manifest.rb:invalid_url',
      FILE,
      'author.url',
      `must be an http(s) URL with a host, got ${show(url)}`,
    )
}

function defaultLocaleChecks(f: Findings, m: Record<string, unknown>): void {
  const locale = m.defaultLocale
  if (locale === undefined || locale === null) return
  // manifest.rb default_locale_error
  if (typeof locale !== 'string' || !VALID_LOCALE.test(locale))
    f.zendesk(
      'manifest.rb:invalid_default_locale',
      FILE,
      'defaultLocale',
      `must be a locale such as "en" or "pt-br", got ${show(locale)}`,
    )
  else if (!f.has(`translations/${locale}.json`))
    f.zendesk(
      'manifest.rb:missing_translation_file',
      FILE,
      'defaultLocale',
      `translations/${locale}.json is missing`,
    )
}

function kindChecks(f: Findings, model: ManifestModel): void {
  const m = model.raw
  if (model.requirementsOnly || model.marketingOnly) {
    // manifest.rb ban_location / ban_framework_version
    const kind = model.requirementsOnly ? 'a requirements-only' : 'a marketing-only'
    if (model.locations.length > 0)
      f.zendesk(
        'manifest.rb:no_location_required',
        FILE,
        'location',
        `${kind} app cannot have locations`,
      )
    if (m.frameworkVersion !== undefined && m.frameworkVersion !== null)
      f.zendesk(
        'manifest.rb:no_framework_version_required',
        FILE,
        'frameworkVersion',
        `${kind} app cannot have a frameworkVersion`,
      )
    return
  }
  checkLocations(f, model)
  // manifest.rb missing_framework_version / invalid_version (app_version.rb TO_BE_SERVED)
  if (m.frameworkVersion === undefined || m.frameworkVersion === null)
    f.zendesk('manifest.rb:manifest_keys.missing', FILE, 'frameworkVersion', 'is required')
  else if (!FRAMEWORK_VERSIONS.some((v) => v === m.frameworkVersion))
    f.zendesk(
      'manifest.rb:invalid_version',
      FILE,
      'frameworkVersion',
      `must be ${FRAMEWORK_VERSIONS.map((v) => `"${v}"`).join(' or ')} (the version Zendesk serves), got ${show(m.frameworkVersion)}`,
    )
}

function experimentChecks(f: Findings, m: Record<string, unknown>): void {
  // marketplace.rb no_experiments: only whitelisted experiments may be switched on.
  if (!isRecord(m.experiments)) return
  for (const [name, on] of Object.entries(m.experiments)) {
    if (truthy(on) && !WHITELISTED_EXPERIMENTS.includes(name))
      f.zendesk(
        'marketplace.rb:invalid_experiment',
        FILE,
        `experiments.${name}`,
        `unknown or unavailable experiment (allowed: ${WHITELISTED_EXPERIMENTS.join(', ')})`,
      )
  }
}

/**
 * Checks manifest.json against Zendesk's manifest rules and returns the normalised manifest for
 * the other checks (undefined when there is no usable manifest).
 */
export function checkManifest(f: Findings): ManifestModel | undefined {
  if (!f.has(FILE)) {
    // validations/manifest.rb call: a manifest one folder down means the folder itself was zipped.
    const nested = [...f.files.keys()].find((p) => /^[^/]+?\/manifest\.json$/.test(p))
    if (nested !== undefined)
      f.zendesk(
        'manifest.rb:nested_manifest',
        FILE,
        undefined,
        `is missing at the root of the package; found ${nested} (zip the app folder's contents, not the folder)`,
      )
    else
      f.zendesk(
        'manifest.rb:missing_manifest',
        FILE,
        undefined,
        'is missing at the root of the package',
      )
    return undefined
  }
  const parsed = f.parse(FILE)
  if (parsed?.error !== undefined) {
    f.zendesk(
      'manifest.rb:manifest_not_json',
      FILE,
      undefined,
      `is not valid JSON: ${parsed.error}`,
    )
    return undefined
  }
  // manifest/no_override_hash.rb: a key given twice anywhere in the manifest is an error.
  for (const key of parsed?.duplicates ?? [])
    f.zendesk('manifest.rb:duplicate_manifest_keys', FILE, key, 'key appears more than once')
  if (!isRecord(parsed?.value)) {
    f.zendesk('manifest.rb:manifest_not_json', FILE, undefined, 'must be a JSON object')
    return undefined
  }
  const m = parsed.value
  const model = readManifestModel(m)
  for (const key of ['author', 'defaultLocale']) {
    if (m[key] === undefined || m[key] === null)
      f.zendesk('manifest.rb:manifest_keys.missing', FILE, key, 'is required')
  }
  typeChecks(f, m)
  oauthChecks(f, model)
  defaultLocaleChecks(f, m)
  urlChecks(f, m)
  checkParameters(f, model)
  kindChecks(f, model)
  // manifest.rb ban_no_template: framework 2 apps have no templates.
  if (
    model.iframeOnly &&
    (m.noTemplate === true || (Array.isArray(m.noTemplate) && m.noTemplate.length > 0))
  )
    f.zendesk(
      'manifest.rb:no_template_deprecated_in_v2',
      FILE,
      'noTemplate',
      'is not allowed in framework 2.0',
    )
  experimentChecks(f, m)
  return model
}
