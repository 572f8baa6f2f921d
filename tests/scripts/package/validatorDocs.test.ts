import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.join(__dirname, '..', '..', '..')
const SOURCES = path.join(ROOT, 'scripts', 'package')

/** The rule names written literally in the checks: gem message keys and our Marketplace rule names. */
function rulesInCode(): { zendesk: string[]; marketplace: string[] } {
  const zendesk = new Set<string>()
  const marketplace = new Set<string>()
  for (const name of readdirSync(SOURCES)) {
    const source = readFileSync(path.join(SOURCES, name), 'utf8')
    for (const m of source.matchAll(/(?:\.rb|\}):([a-z][\w.]*)['`]/g)) zendesk.add(m[1] ?? '')
    for (const m of source.matchAll(/\.marketplace\(\s*'([\w-]+)'/g)) marketplace.add(m[1] ?? '')
  }
  return { zendesk: [...zendesk].sort(), marketplace: [...marketplace].sort() }
}

describe('docs/validator.md', () => {
  const docs = readFileSync(path.join(ROOT, 'docs', 'validator.md'), 'utf8')
  const { zendesk, marketplace } = rulesInCode()

  it('finds the rules in the code (the scan itself works)', () => {
    expect(zendesk.length).toBeGreaterThan(60)
    expect(marketplace.length).toBeGreaterThan(20)
  })

  it("lists every Zendesk rule the validator reports, by the gem's message key", () => {
    const missing = zendesk.filter(
      (key) => !docs.includes(key) && !docs.includes(`\`${key.split('.').pop() ?? key}\``),
    )
    expect(missing).toEqual([])
  })

  it('lists every Marketplace rule', () => {
    expect(marketplace.filter((name) => !docs.includes(`marketplace:${name}`))).toEqual([])
  })
})
