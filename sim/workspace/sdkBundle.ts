// The ZAF SDK for the preview. Production pages load Zendesk's CDN script; the network is closed
// here, so the apps server (appsServer.ts) serves the npm `zendesk_app_framework_sdk` in its
// place, bundled into one browser script that defines `window.ZAFClient` as the CDN build does.
// The npm package ships plain CommonJS files (lib/index.js, client.js, utils.js, a Promise
// polyfill), so a tiny CommonJS bundler is enough: no build tool, same bytes every run.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** The script URL in every built page (the page template in vite.config.mts), replaced in the preview. */
export const CDN_SDK_URL =
  'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js'

/** Where the apps server serves the bundled npm SDK (same path as on the CDN). */
export const LOCAL_SDK_PATH = '/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js'

const REQUIRE = /require\(\s*'([^']+)'\s*\)/g

/** Resolves the SDK package's main file through Node (works from any working directory). */
export function sdkEntryFile(): string {
  return createRequire(__filename).resolve('zendesk_app_framework_sdk')
}

/**
 * Bundles a CommonJS module and its relative `require('./x')` dependencies into one IIFE that
 * assigns the entry's `module.exports` to `window[globalName]`.
 */
export function bundleCommonJs(entryFile: string, globalName: string): string {
  const modules = new Map<string, string>()
  const visit = (file: string): void => {
    if (modules.has(file)) return
    const source = readFileSync(file, 'utf8')
    modules.set(file, source)
    for (const match of source.matchAll(REQUIRE)) {
      const spec = match[1] ?? ''
      if (!spec.startsWith('.')) throw new Error(`${file}: cannot bundle require('${spec}')`)
      visit(resolveRelative(file, spec))
    }
  }
  visit(entryFile)
  const root = path.dirname(entryFile)
  const ids = new Map([...modules.keys()].map((file) => [file, path.relative(root, file)]))
  const definitions = [...modules.entries()].map(([file, source]) => {
    const rewritten = source.replace(REQUIRE, (_all, spec: string) => {
      return `__require(${JSON.stringify(ids.get(resolveRelative(file, spec)))})`
    })
    return `${JSON.stringify(ids.get(file))}: function (module, exports, __require) {\n${rewritten}\n}`
  })
  return [
    `/* ${globalName}: bundled from ${path.basename(path.dirname(root))} for the local preview */`,
    '(function () {',
    `var defs = {\n${definitions.join(',\n')}\n};`,
    'var cache = {};',
    'function __require(id) {',
    '  if (cache[id]) return cache[id].exports;',
    '  var module = (cache[id] = { exports: {} });',
    '  defs[id].call(module.exports, module, module.exports, __require);',
    '  return module.exports;',
    '}',
    `window[${JSON.stringify(globalName)}] = __require(${JSON.stringify(ids.get(entryFile))});`,
    '})();',
    '',
  ].join('\n')
}

function resolveRelative(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec)
  return base.endsWith('.js') ? base : `${base}.js`
}

let cached: string | undefined

/** The npm SDK as one browser script defining `window.ZAFClient`. */
export function zafSdkScript(): string {
  cached ??= bundleCommonJs(sdkEntryFile(), 'ZAFClient')
  return cached
}

/** Points a built page's SDK script tag at the local copy (pages without it are unchanged). */
export function rewriteSdkScript(html: string): string {
  if (!html.includes(CDN_SDK_URL)) return html
  return html.split(CDN_SDK_URL).join(LOCAL_SDK_PATH)
}
