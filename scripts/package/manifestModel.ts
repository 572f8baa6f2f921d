import { isRecord } from '@/core/_lib/isRecord'

import { truthy } from './context'
import { CUSTOM_OBJECT_RECORD_SIDEBAR, LEGACY_URI_STUB, LOCATIONS, PRODUCTS } from './rules'

/** One location as the gem sees it after normalising the manifest (manifest.rb location_options). */
export type LocationEntry = {
  /** Canonical product name (`support` for a `zendesk` key), or the unknown host as written. */
  product: string
  name: string
  /** Dotted path in manifest.json, with the key as written (`location.zendesk.nav_bar`). */
  key: string
  options: Record<string, unknown>
  /** The location exists for its product (location.rb). */
  known: boolean
  v2Only: boolean
  /** A v1 location listed by name only (array or string `location`). */
  legacy: boolean
  /** Written as a plain URL string instead of `{ "url": … }`. */
  stringForm: boolean
}

/** A parameter entry that is an object, as the gem reads it (manifest/parameter.rb). */
export type ParameterEntry = {
  index: number
  raw: Record<string, unknown>
  name: unknown
  type: unknown
  key: string
}

/** What the checks need from manifest.json, normalised as the gem's Manifest class does. */
export type ManifestModel = {
  raw: Record<string, unknown>
  requirementsOnly: boolean
  marketingOnly: boolean
  isPrivate: boolean
  /** Framework version 2 or later: every location must be an iframe URL (manifest.rb iframe_only?). */
  iframeOnly: boolean
  frameworkMajor: number | undefined
  defaultLocale: string | undefined
  locations: LocationEntry[]
  /** Product keys of `location` the gem does not know (manifest.rb unknown_hosts). */
  unknownHosts: string[]
  /** Locations listed twice in a v1 list of names. */
  duplicateLocations: string[]
  /** Product keys whose value is not an object (the gem fails on them). */
  badProducts: string[]
  /** Canonical products named in `location` (manifest.rb products_ignore_locations). */
  locationProducts: string[]
  /** Products the app runs in (manifest.rb products). */
  products: string[]
  parameters: ParameterEntry[]
}

function locationInfo(product: string, name: string): { known: boolean; v2Only: boolean } {
  // The custom object record sidebar exists, but the default validation refuses it.
  const found = LOCATIONS[product]?.find(
    (l) => l.name === name && l.name !== CUSTOM_OBJECT_RECORD_SIDEBAR,
  )
  return found === undefined
    ? { known: false, v2Only: false }
    : { known: true, v2Only: found.v2Only }
}

function readLocations(model: ManifestModel, location: unknown): void {
  const add = (product: string, name: string, key: string, value: unknown, legacy: boolean) => {
    const options = isRecord(value) ? value : { url: value }
    const stringForm = !legacy && !isRecord(value)
    model.locations.push({
      product,
      name,
      key,
      options,
      ...locationInfo(product, name),
      legacy,
      stringForm,
    })
  }
  if (Array.isArray(location) || typeof location === 'string') {
    // A v1 list of names is read as Support locations (manifest.rb set_locations_and_hosts).
    model.locationProducts.push('support')
    const seen = new Set<string>()
    for (const name of Array.isArray(location) ? location : [location]) {
      const key = `location.${String(name)}`
      if (seen.has(key)) model.duplicateLocations.push(key)
      else add('support', String(name), key, LEGACY_URI_STUB, true)
      seen.add(key)
    }
    return
  }
  if (!isRecord(location)) return
  const known = PRODUCTS.flatMap((p) => [p.name, p.legacy] as string[])
  model.unknownHosts = Object.keys(location).filter((host) => !known.includes(host))
  for (const product of PRODUCTS) {
    // The product's own key wins over its legacy key (manifest.rb replace_legacy_locations).
    const written = product.name in location ? product.name : product.legacy
    const value = location[written]
    if (value === undefined || value === null) continue
    model.locationProducts.push(product.name)
    if (!isRecord(value)) {
      model.badProducts.push(written)
      continue
    }
    for (const [name, options] of Object.entries(value)) {
      add(product.name, name, `location.${written}.${name}`, options, false)
    }
  }
}

/** Normalises a parsed manifest.json the way the gem's Manifest class reads it. */
export function readManifestModel(raw: Record<string, unknown>): ManifestModel {
  const version = raw.frameworkVersion
  const major =
    typeof version === 'string' ? /^(\d+)(\.\d+)*$/.exec(version.trim())?.[1] : undefined
  const model: ManifestModel = {
    raw,
    requirementsOnly: truthy(raw.requirementsOnly),
    marketingOnly: truthy(raw.marketingOnly),
    isPrivate: !('private' in raw) || truthy(raw.private),
    frameworkMajor: major === undefined ? undefined : Number(major),
    iframeOnly: major !== undefined && Number(major) >= 2,
    defaultLocale: typeof raw.defaultLocale === 'string' ? raw.defaultLocale : undefined,
    locations: [],
    unknownHosts: [],
    duplicateLocations: [],
    badProducts: [],
    locationProducts: [],
    products: [],
    parameters: [],
  }
  readLocations(model, raw.location)
  if (model.requirementsOnly) model.products = ['support']
  else if (model.marketingOnly)
    model.products = model.locationProducts.length > 0 ? model.locationProducts : ['support']
  else model.products = [...new Set(model.locations.filter((l) => l.known).map((l) => l.product))]
  if (Array.isArray(raw.parameters)) {
    raw.parameters.forEach((p: unknown, index) => {
      if (!isRecord(p)) return
      const name = p.name
      const key =
        typeof name === 'string' ? `parameters[${index}] (${name})` : `parameters[${index}]`
      model.parameters.push({ index, raw: p, name, type: truthy(p.type) ? p.type : 'text', key })
    })
  }
  return model
}
