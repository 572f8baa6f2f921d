import type { Findings } from './context'
import { isNonEmptyString, isObject } from './context'
import {
  LOCALE_PATTERN,
  MANIFEST_KEYS,
  PARAMETER_TYPES,
  PRODUCTS,
  REQUIRED_MANIFEST_KEYS,
  SCOPES,
  SUPPORT_LOCATIONS,
} from './rules'

const FILE = 'manifest.json'

export type ManifestSummary = {
  defaultLocale: string | undefined
  isPrivate: boolean
  parameterNames: string[]
  locationUrls: string[]
  hasNavBar: boolean
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

function checkAuthor(f: Findings, author: unknown): void {
  if (!isObject(author))
    return f.error(FILE, 'author', 'must be an object with name, email and url')
  if (!isNonEmptyString(author.name)) f.error(FILE, 'author.name', 'is missing')
  if (typeof author.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(author.email)) {
    f.error(FILE, 'author.email', 'must be an email address')
  }
  if (!isHttpUrl(author.url)) f.error(FILE, 'author.url', 'must be an http(s) URL with a host')
}

function checkLocation(f: Findings, key: string, options: unknown, summary: ManifestSummary): void {
  if (typeof options === 'string') {
    return f.error(FILE, key, 'use the object form { "url": "assets/…" }, not a plain string')
  }
  if (!isObject(options)) return f.error(FILE, key, 'must be an object with a url')
  for (const flag of ['flexible', 'autoLoad', 'autoHide', 'signed'] as const) {
    if (flag in options && typeof options[flag] !== 'boolean')
      f.error(FILE, `${key}.${flag}`, 'must be true or false')
  }
  const url = options.url
  if (url === undefined) {
    if (options.autoLoad !== false)
      f.error(FILE, `${key}.url`, 'is missing (needed unless autoLoad is false)')
    return
  }
  if (typeof url !== 'string' || url === '')
    return f.error(FILE, `${key}.url`, 'must be a non-empty string')
  if (url.includes('{{setting.')) return
  if (/^[a-z]+:\/\//i.test(url)) {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.hostname !== 'localhost') {
      f.error(FILE, `${key}.url`, `absolute URLs must use https (or localhost): ${url}`)
    }
    return
  }
  if (!url.startsWith('assets/'))
    return f.error(FILE, `${key}.url`, `relative URLs must start with assets/: ${url}`)
  const file = url.split(/[?#]/)[0] ?? url
  if (!f.has(file)) f.error(FILE, `${key}.url`, `${file} is not in the package`)
  summary.locationUrls.push(file)
}

function checkLocations(f: Findings, location: unknown, summary: ManifestSummary): void {
  if (!isObject(location)) return f.error(FILE, 'location', 'must be an object keyed by product')
  for (const [product, locations] of Object.entries(location)) {
    if (!(PRODUCTS as readonly string[]).includes(product)) {
      f.error(
        FILE,
        `location.${product}`,
        `unknown product (expected one of ${PRODUCTS.join(', ')})`,
      )
      continue
    }
    if (!isObject(locations)) {
      f.error(FILE, `location.${product}`, 'must be an object keyed by location name')
      continue
    }
    for (const [name, options] of Object.entries(locations)) {
      const key = `location.${product}.${name}`
      if (product === 'support' && !(SUPPORT_LOCATIONS as readonly string[]).includes(name)) {
        f.error(
          FILE,
          key,
          `unknown Support location (expected one of ${SUPPORT_LOCATIONS.join(', ')})`,
        )
        continue
      }
      if (name === 'nav_bar') summary.hasNavBar = true
      checkLocation(f, key, options, summary)
    }
  }
}

function checkParameter(
  f: Findings,
  p: unknown,
  index: number,
  seen: Set<string>,
): string | undefined {
  const at = `parameters[${index}]`
  if (!isObject(p)) return void f.error(FILE, at, 'must be an object')
  const name = p.name
  if (!isNonEmptyString(name)) return void f.error(FILE, `${at}.name`, 'is missing')
  const key = `parameters[${index}] (${name})`
  if (name === 'name') f.error(FILE, key, 'a parameter cannot be called "name"')
  if (seen.has(name)) f.error(FILE, key, 'duplicate parameter name')
  seen.add(name)
  const type = p.type ?? 'text'
  if (type === 'password')
    f.error(FILE, `${key}.type`, '"password" is no longer supported: use a secure text parameter')
  else if (!(PARAMETER_TYPES as readonly unknown[]).includes(type)) {
    f.error(
      FILE,
      `${key}.type`,
      `unknown type ${JSON.stringify(type)} (expected one of ${PARAMETER_TYPES.join(', ')})`,
    )
  }
  for (const flag of ['required', 'secure'] as const) {
    if (flag in p && typeof p[flag] !== 'boolean')
      f.error(FILE, `${key}.${flag}`, 'must be true or false')
  }
  if (type === 'hidden' && p.required === true)
    f.error(FILE, key, 'hidden parameters cannot be required')
  if (type === 'oauth' && p.secure === true) f.error(FILE, key, 'oauth parameters cannot be secure')
  checkSecure(f, p, key, name, type)
  checkDefault(f, p, key, type)
  return name
}

function checkSecure(
  f: Findings,
  p: Record<string, unknown>,
  key: string,
  name: string,
  type: unknown,
): void {
  if (p.secure === true) {
    if (!Array.isArray(p.scopes) || p.scopes.length === 0) {
      f.error(
        FILE,
        `${key}.scopes`,
        'secure parameters must declare scopes (where the proxy may insert them)',
      )
    } else {
      for (const scope of p.scopes) {
        if (!(SCOPES as readonly unknown[]).includes(scope)) {
          f.error(
            FILE,
            `${key}.scopes`,
            `unknown scope ${JSON.stringify(scope)} (expected ${SCOPES.join(', ')})`,
          )
        }
      }
    }
    if ('default' in p)
      f.warn(FILE, `${key}.default`, 'defaults of secure parameters are not stored securely')
  } else {
    if ('scopes' in p)
      f.error(FILE, `${key}.scopes`, 'scopes are only allowed on secure parameters')
    if (type === 'text' && /token|key|pwd|password/i.test(name)) {
      f.error(FILE, key, 'looks like a credential: set "secure": true with scopes')
    }
  }
}

function checkDefault(f: Findings, p: Record<string, unknown>, key: string, type: unknown): void {
  if (!('default' in p)) return
  const value = p.default
  const ok =
    type === 'number'
      ? typeof value === 'number'
      : type === 'checkbox'
        ? typeof value === 'boolean'
        : typeof value === 'string'
  if (!ok)
    f.error(
      FILE,
      `${key}.default`,
      `default ${JSON.stringify(value)} does not match type ${String(type)}`,
    )
}

/** Checks manifest.json and returns what the translation and asset checks need from it. */
export function checkManifest(f: Findings): ManifestSummary {
  const summary: ManifestSummary = {
    defaultLocale: undefined,
    isPrivate: true,
    parameterNames: [],
    locationUrls: [],
    hasNavBar: false,
  }
  if (!f.has(FILE)) {
    f.error(FILE, undefined, 'is missing at the root of the package')
    return summary
  }
  const manifest = f.json(FILE)
  if (manifest === undefined) return summary
  if (!isObject(manifest)) {
    f.error(FILE, undefined, 'must be a JSON object')
    return summary
  }
  for (const key of REQUIRED_MANIFEST_KEYS)
    if (!(key in manifest)) f.error(FILE, key, 'is required')
  for (const key of Object.keys(manifest)) {
    if (key === 'noTemplate') f.error(FILE, key, 'noTemplate is not allowed in framework 2.0')
    else if (!(MANIFEST_KEYS as readonly string[]).includes(key))
      f.warn(FILE, key, 'unknown manifest key')
  }
  if ('author' in manifest) checkAuthor(f, manifest.author)
  if ('frameworkVersion' in manifest && manifest.frameworkVersion !== '2.0') {
    f.error(
      FILE,
      'frameworkVersion',
      `must be "2.0", got ${JSON.stringify(manifest.frameworkVersion)}`,
    )
  }
  if (
    'version' in manifest &&
    (typeof manifest.version !== 'string' || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(manifest.version))
  ) {
    f.error(
      FILE,
      'version',
      `must be a semantic version such as "1.0.0", got ${JSON.stringify(manifest.version)}`,
    )
  }
  if ('private' in manifest && typeof manifest.private !== 'boolean')
    f.error(FILE, 'private', 'must be true or false')
  summary.isPrivate = manifest.private !== false
  const locale = manifest.defaultLocale
  if ('defaultLocale' in manifest) {
    if (typeof locale !== 'string' || !LOCALE_PATTERN.test(locale)) {
      f.error(FILE, 'defaultLocale', `must be a locale such as "en", got ${JSON.stringify(locale)}`)
    } else {
      summary.defaultLocale = locale
      if (!f.has(`translations/${locale}.json`))
        f.error(FILE, 'defaultLocale', `translations/${locale}.json is missing`)
    }
  }
  if ('location' in manifest) checkLocations(f, manifest.location, summary)
  if ('parameters' in manifest) {
    if (!Array.isArray(manifest.parameters)) f.error(FILE, 'parameters', 'must be an array')
    else {
      const seen = new Set<string>()
      manifest.parameters.forEach((p, i) => {
        const name = checkParameter(f, p, i, seen)
        if (name !== undefined) summary.parameterNames.push(name)
      })
    }
  }
  return summary
}
