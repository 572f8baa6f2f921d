// Finds translation keys that no source file uses. A key counts as used when a source file names it
// in full, or when a template literal builds it: `dashboard.kpi.${card.label}` uses every key that
// starts with `dashboard.kpi.`. Only templates whose text starts with a top-level section count, so a
// bare `${base}.${key}` does not mark the whole catalogue as used.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { isPluralNode } from '@/i18n/translate'
import type { Messages } from '@/i18n/translate'

/**
 * Every message key of a catalogue, dotted; a plural node (`{one, other}`) is one key.
 *
 * @example
 * messageKeys({ a: { b: 'x', n: { one: '1', other: 'n' } } }) //=> ['a.b', 'a.n']
 */
export function messageKeys(messages: Messages, prefix = ''): string[] {
  const keys: string[] = []
  for (const [name, node] of Object.entries(messages)) {
    const key = prefix === '' ? name : `${prefix}.${name}`
    if (typeof node === 'string' || isPluralNode(node)) keys.push(key)
    else keys.push(...messageKeys(node, key))
  }
  return keys
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The key patterns that template literals in `source` build: each `${…}` stands for one or more
 * key characters.
 *
 * @example
 * templateKeyPatterns('t(`sidebar.tier.${tier}`)', ['sidebar']) //=> [/^sidebar\.tier\.[\w.]+$/]
 */
export function templateKeyPatterns(source: string, sections: readonly string[]): RegExp[] {
  const patterns: RegExp[] = []
  const heads = sections.map(escapeRegExp).join('|')
  const template = new RegExp(`\`((?:${heads})\\.[^\`]*)\``, 'g')
  for (const match of source.matchAll(template)) {
    const parts = (match[1] ?? '').split(/\$\{[^}]*\}/)
    // Not a key: no interpolation, or text with spaces (a sentence, not a dotted key).
    if (parts.length < 2 || parts.some((part) => /\s/.test(part))) continue
    patterns.push(new RegExp(`^${parts.map(escapeRegExp).join('[\\w.]+')}$`))
  }
  return patterns
}

/**
 * Keys of `keys` that no source text names or builds: a key is used when a source names it, names
 * its group (below a section), or builds it in a template literal. `allowedPrefixes` are keys read by
 * something other than our code (Zendesk reads `app.*` from the package).
 *
 * @example
 * unusedKeys(['a.b', 'a.c'], ["t('a.b')"], []) //=> ['a.c']
 */
export function unusedKeys(
  keys: readonly string[],
  sources: readonly string[],
  allowedPrefixes: readonly string[],
): string[] {
  const sections = [...new Set(keys.map((key) => key.split('.')[0] ?? ''))]
  const patterns = sources.flatMap((source) => templateKeyPatterns(source, sections))
  const named = new Set<string>()
  for (const source of sources) {
    for (const match of source.matchAll(/['"`]([\w.]+)['"`]/g)) named.add(match[1] ?? '')
  }
  // A string naming a group below a section (`'common.sdkMissing'`) is a prefix the code builds on.
  const groups = [...named].filter(
    (name) => name.includes('.') && keys.some((key) => key.startsWith(`${name}.`)),
  )
  return keys.filter(
    (key) =>
      !allowedPrefixes.some((prefix) => key.startsWith(prefix)) &&
      !named.has(key) &&
      !groups.some((group) => key.startsWith(`${group}.`)) &&
      !patterns.some((pattern) => pattern.test(key)),
  )
}

/** The text of every .ts/.tsx file below `dir`. */
export function sourceTexts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => readFileSync(path.join(dir, file), 'utf8'))
}
