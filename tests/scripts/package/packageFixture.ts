import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { PackageFiles, Problem } from '../../../scripts/package/types'
import { validatePackage } from '../../../scripts/package/validatePackage'

const ROOT = path.join(__dirname, '..', '..', '..')

const PAGE = `<!doctype html><html><head>
<script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"></script>
<script type="module" src="./main-abc123.js"></script></head><body><div id="root"></div></body></html>`

/**
 * The app's requirements.json: the project's own once it exists at the repository root, until
 * then a fixture of the agreed shape (the score ticket field and the baseline custom object).
 */
export function requirementsPath(): string {
  const own = path.join(ROOT, 'requirements.json')
  return existsSync(own) ? own : path.join(__dirname, 'fixtures', 'requirements.json')
}

/**
 * A package made from the project's real sources (manifest, requirements, translations, images)
 * plus minimal location pages, i.e. what `npm run build` produces without the bundles. Tests break
 * one thing.
 */
export function sourcePackage(): PackageFiles {
  const files: PackageFiles = new Map()
  const add = (rel: string, data: Uint8Array | string) =>
    files.set(rel, { data: typeof data === 'string' ? new TextEncoder().encode(data) : data })
  add('manifest.json', readFileSync(path.join(ROOT, 'manifest.json')))
  add('requirements.json', readFileSync(requirementsPath()))
  for (const dir of ['translations', 'assets']) {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      add(`${dir}/${name}`, readFileSync(path.join(ROOT, dir, name)))
    }
  }
  for (const location of ['ticket_sidebar', 'nav_bar', 'background']) {
    add(`assets/${location}.html`, PAGE)
  }
  add('assets/main-abc123.js', 'console.log("app")')
  return files
}

export function readJson(files: PackageFiles, rel: string): Record<string, unknown> {
  const file = files.get(rel)
  if (file === undefined) throw new Error(`fixture has no ${rel}`)
  return JSON.parse(new TextDecoder().decode(file.data)) as Record<string, unknown>
}

export function writeText(files: PackageFiles, rel: string, text: string): void {
  files.set(rel, { data: new TextEncoder().encode(text) })
}

/**
 * Sets (or, with `undefined`, deletes) the value at a dotted path of a JSON file in the package,
 * e.g. `setJson(files, 'manifest.json', 'author.email', 'nope')`. Array indexes are path parts.
 */
export function setJson(files: PackageFiles, rel: string, dotted: string, value: unknown): void {
  const json = readJson(files, rel)
  const parts = dotted.split('.')
  const last = parts.pop() ?? ''
  let node: Record<string, unknown> = json
  for (const part of parts) {
    const next = node[part]
    if (typeof next !== 'object' || next === null) throw new Error(`${rel} has no ${dotted}`)
    node = next as Record<string, unknown>
  }
  if (value === undefined) delete node[last]
  else node[last] = value
  writeText(files, rel, JSON.stringify(json, null, 2))
}

/**
 * The smallest package Zendesk accepts: a private app with one location, its page and an en.json
 * holding only the app name. Used for what Zendesk accepts and our Marketplace rules would not.
 */
export function minimalPackage(manifest: Record<string, unknown> = {}): PackageFiles {
  const files: PackageFiles = new Map()
  const base = {
    author: { name: 'Acme', email: 'apps@acme.test' },
    defaultLocale: 'en',
    location: { support: { ticket_sidebar: { url: 'assets/index.html' } } },
    frameworkVersion: '2.0',
  }
  writeText(files, 'manifest.json', JSON.stringify({ ...base, ...manifest }, null, 2))
  writeText(files, 'translations/en.json', JSON.stringify({ app: { name: 'Acme helper' } }))
  writeText(files, 'assets/index.html', PAGE)
  return files
}

/** The problems Zendesk's own rules raise as errors (not our Marketplace rules, not warnings). */
export function zendeskErrors(files: PackageFiles): Problem[] {
  return validatePackage(files).filter((p) => p.level === 'zendesk' && p.severity === 'error')
}

/** A PNG's signature and header only: enough for size checks that do not decode the image. */
export function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
  bytes.set(
    [...'IHDR'].map((c) => c.charCodeAt(0)),
    12,
  )
  const view = new DataView(bytes.buffer)
  view.setUint32(16, width)
  view.setUint32(20, height)
  bytes.set([8, 6, 0, 0, 0], 24)
  return bytes
}
