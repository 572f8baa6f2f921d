import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Messages } from '@/i18n/translate'

import {
  messageKeys,
  sourceTexts,
  templateKeyPatterns,
  unusedKeys,
} from '../support/translationUsage'

const root = path.join(__dirname, '..', '..')
const en = JSON.parse(readFileSync(path.join(root, 'translations', 'en.json'), 'utf8')) as Messages

// Zendesk itself reads these: the listing text and the settings labels (`app.parameters.*`).
const READ_BY_ZENDESK = ['app.']

describe('translation keys', () => {
  it('lists message keys, a plural node as one key', () => {
    expect(messageKeys({ a: { b: 'x', n: { one: '1', other: 'n' } }, c: 'y' })).toEqual([
      'a.b',
      'a.n',
      'c',
    ])
  })

  it('reads the keys a template literal builds', () => {
    const [pattern] = templateKeyPatterns('t(`sidebar.tier.${tier}.label`)', ['sidebar'])
    expect(pattern?.test('sidebar.tier.gold.label')).toBe(true)
    expect(pattern?.test('sidebar.tier.gold.title')).toBe(false)
    expect(templateKeyPatterns('t(`${base}.${key}`)', ['sidebar'])).toEqual([])
  })

  it('finds a key no source names or builds', () => {
    const sources = ["t('a.used')", 't(`b.kind.${kind}`)', "const p = 'd.group'"]
    const keys = ['a.used', 'a.dead', 'b.kind.x', 'c.read', 'd.group.title', 'd.other']
    expect(unusedKeys(keys, sources, ['c.'])).toEqual(['a.dead', 'd.other'])
  })

  it('has no key in translations/en.json that the app, scripts or simulator do not use', () => {
    const sources = ['src', 'scripts', 'sim'].flatMap((dir) => sourceTexts(path.join(root, dir)))
    expect(unusedKeys(messageKeys(en), sources, READ_BY_ZENDESK)).toEqual([])
  })
})
