// Zendesk's location rules (zendesk_apps_support validations/manifest.rb validate_location, with
// manifest.rb and location.rb for how locations are read).
import type { Findings } from './context'
import { show, truthy } from './context'
import type { LocationEntry, ManifestModel } from './manifestModel'
import { CUSTOM_OBJECT_RECORD_SIDEBAR, LEGACY_URI_STUB, LOCATIONS } from './rules'

const FILE = 'manifest.json'

/** manifest.rb invalid_location_uri_error: https (or localhost) absolute URLs, or a packaged assets/ file. */
function uriProblem(f: Findings, url: string): string | undefined {
  if (url === LEGACY_URI_STUB || url.includes('{{setting.')) return undefined
  if (/\s/.test(url)) return `is not a valid URI: ${show(url)}`
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]
  if (scheme !== undefined) {
    // valid_absolute_uri? looks at the scheme alone, so even "https://" passes.
    if (scheme.toLowerCase() === 'https') return undefined
    let host = ''
    try {
      host = new URL(url).hostname
    } catch {
      return `is not a valid URI: ${show(url)}`
    }
    return host === 'localhost' ? undefined : `absolute URLs must use https (or localhost): ${url}`
  }
  const path = url.split(/[?#]/)[0] ?? ''
  if (!path.startsWith('assets/')) return `relative URLs must point into assets/: ${url}`
  if (!f.has(path)) return `${path} is not in the package`
  return undefined
}

function checkEntry(f: Findings, entry: LocationEntry): void {
  const { url, flexible } = entry.options
  if (typeof url === 'string' && url !== '') {
    const problem = uriProblem(f, url)
    if (problem !== undefined)
      f.zendesk('manifest.rb:invalid_location_uri', FILE, `${entry.key}.url`, problem)
  } else if (!('autoLoad' in entry.options) || truthy(entry.options.autoLoad)) {
    // manifest/location_options.rb: autoLoad defaults to true, and a loaded location needs a URL.
    f.zendesk(
      'manifest.rb:blank_location_uri',
      FILE,
      `${entry.key}.url`,
      'is missing (needed unless autoLoad is false)',
    )
  }
  if (flexible !== undefined && flexible !== null && typeof flexible !== 'boolean')
    f.zendesk(
      'manifest.rb:invalid_location_flexible_type',
      FILE,
      `${entry.key}.flexible`,
      `must be true or false, got ${show(flexible)}`,
    )
}

/** Checks `location`: hosts, names per product, URLs, and the v1/v2 framework match. */
export function checkLocations(f: Findings, model: ManifestModel): void {
  // manifest/no_override_hash.rb: a location listed twice by name.
  for (const key of model.duplicateLocations)
    f.zendesk('manifest.rb:duplicate_manifest_keys', FILE, key, 'location appears more than once')
  for (const product of model.badProducts)
    f.zendesk(
      'manifest.rb:invalid_location',
      FILE,
      `location.${product}`,
      'must be an object keyed by location name',
    )
  // manifest.rb missing_location_error
  if (model.locations.length === 0 && model.badProducts.length === 0) {
    const why = truthy(model.raw.location)
      ? ` (got ${show(model.raw.location)}, expected an object keyed by product)`
      : ''
    f.zendesk('manifest.rb:manifest_keys.missing', FILE, 'location', `is required${why}`)
  }
  for (const host of model.unknownHosts)
    f.zendesk(
      'manifest.rb:invalid_host',
      FILE,
      `location.${host}`,
      `${host} is not a Zendesk product (expected support, chat, standalone_chat or sell)`,
    )
  for (const entry of model.locations) {
    checkEntry(f, entry)
    if (!entry.known) {
      const names = (LOCATIONS[entry.product] ?? [])
        .map((l) => l.name)
        .filter((n) => n !== CUSTOM_OBJECT_RECORD_SIDEBAR)
      const why =
        entry.name === CUSTOM_OBJECT_RECORD_SIDEBAR
          ? 'needs a validation flag Zendesk uploads leave off'
          : `expected one of ${names.join(', ')}`
      f.zendesk(
        'manifest.rb:invalid_location',
        FILE,
        entry.key,
        `unknown ${entry.product} location (${why})`,
      )
    }
  }
  // manifest.rb invalid_v1_location: some locations exist only in framework 2.
  if (model.frameworkMajor !== undefined && model.frameworkMajor < 2) {
    for (const entry of model.locations.filter((l) => l.known && l.v2Only))
      f.zendesk(
        'manifest.rb:invalid_v1_location',
        FILE,
        entry.key,
        'this location needs frameworkVersion 2.0',
      )
  }
  // manifest.rb location_framework_mismatch
  const legacy = model.locations.filter(
    (l) => l.legacy || truthy(l.options.legacy) || l.options.url === LEGACY_URI_STUB,
  )
  if (model.iframeOnly && legacy.length > 0)
    f.zendesk(
      'manifest.rb:locations_must_be_urls',
      FILE,
      'location',
      'framework 2.0 locations must be objects with a url, not a list of names',
    )
  else if (
    !model.iframeOnly &&
    model.frameworkMajor !== undefined &&
    legacy.length < model.locations.length
  )
    f.zendesk(
      'manifest.rb:locations_cant_be_urls',
      FILE,
      'location',
      'framework 1 locations cannot be URLs',
    )
}
