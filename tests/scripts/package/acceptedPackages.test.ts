import type { PackageFiles } from '../../../scripts/package/types'
import { formatProblems, validatePackage } from '../../../scripts/package/validatePackage'

import { minimalPackage, pngHeader, writeText } from './packageFixture'

const url = { url: 'assets/index.html' }
const listing = {
  name: 'Acme helper',
  short_description: 'Helps agents',
  long_description: 'Helps agents with every ticket',
  installation_instructions: 'Install it',
}

function withEn(files: PackageFiles, en: unknown): PackageFiles {
  writeText(files, 'translations/en.json', JSON.stringify(en))
  return files
}

/** Zendesk's verdict on a package: no errors at the plain level (our Marketplace rules only warn). */
function errorLines(files: PackageFiles): string {
  return formatProblems(validatePackage(files).filter((p) => p.severity === 'error'))
}

describe('packages Zendesk accepts (and the validator used to reject)', () => {
  const cases: [string, () => PackageFiles][] = [
    ['a location given as a plain URL string', () => minimalPackage({ location: { support: { ticket_sidebar: 'assets/index.html' } } })],
    ['version "1.0"', () => minimalPackage({ version: '1.0' })],
    ['no version at all', () => minimalPackage({ version: undefined })],
    ['an author without a URL or email', () => minimalPackage({ author: { name: 'Acme' } })],
    ['a nav-bar location with PNG icons', () => {
      const files = minimalPackage({ location: { support: { nav_bar: url } } })
      for (const state of ['inactive', 'active', 'hover'])
        files.set(`assets/icon_nav_bar_${state}.png`, { data: pngHeader(18, 18) })
      return files
    }],
    ['a nav-bar location with no icon', () => minimalPackage({ location: { support: { nav_bar: url } } })],
    ['secure parameters without scopes', () => minimalPackage({ parameters: [{ name: 'crmToken', secure: true }] })],
    ['a text parameter named like a credential', () => minimalPackage({ parameters: [{ name: 'apiKey' }] })],
    ['a parameter default of another type', () => minimalPackage({ parameters: [{ name: 'limit', type: 'number', default: '10' }] })],
    ['product-scoped Marketplace text in a public app', () => withEn(minimalPackage({ private: false, location: { support: { ticket_sidebar: url }, chat: { chat_sidebar: url } } }), { app: { support: listing, chat: listing } })],
    ['the description alias for short_description', () => {
      const { short_description, ...rest } = listing
      return withEn(minimalPackage({ private: false }), { app: { ...rest, description: short_description } })
    }],
    ['translations in the title/value format', () => {
      const files = minimalPackage()
      writeText(files, 'translations/en-US.json', JSON.stringify({ app: { package: 'acme', greeting: { title: 'Shown to agents', value: 'Hello' } } }))
      return files
    }],
    ['a translation file without the app section', () => {
      const files = minimalPackage()
      writeText(files, 'translations/ca.json', JSON.stringify({ greeting: 'Hola' }))
      return files
    }],
    ['a requirements-only app', () => {
      const files = minimalPackage({ requirementsOnly: true, location: undefined, frameworkVersion: undefined })
      files.delete('assets/index.html')
      writeText(files, 'requirements.json', JSON.stringify({ ticket_fields: { score: { type: 'integer', title: 'Score' } } }))
      return files
    }],
    ['a marketing-only app', () => {
      const files = minimalPackage({ marketingOnly: true, private: false, location: undefined, frameworkVersion: undefined })
      files.delete('assets/index.html')
      return withEn(files, { app: listing })
    }],
    ['locations under the legacy product names', () => minimalPackage({ location: { zendesk: { ticket_sidebar: url }, zopim: { chat_sidebar: url } } })],
    ['Chat, standalone Chat and Sell locations', () => minimalPackage({ location: { chat: { chat_sidebar: url, background: url }, standalone_chat: { nav_bar: url }, sell: { deal_card: url, dashboard: url } } })],
    ['a background location that does not load (autoLoad false, no url)', () => minimalPackage({ location: { support: { ticket_sidebar: url, background: { autoLoad: false } } } })],
    ['the whitelisted experiments, and others switched off', () => minimalPackage({ experiments: { hashParams: true, newCssCompiler: true, explodingButtons: false } })],
    ['a manual-load location with a URL, and an https URL without a host (the gem checks only the scheme)', () => minimalPackage({ location: { support: { ticket_sidebar: { autoLoad: false, url: 'https://acme.test/setup' }, nav_bar: { url: 'https://' } } } })],
    ['https, localhost and {{setting.…}} location URLs', () => minimalPackage({ location: { support: { ticket_sidebar: { url: 'https://acme.test/app' }, nav_bar: { url: 'http://localhost:4567/app' }, top_bar: { url: '{{setting.appUrl}}' } } } })],
    ['a translation key given twice (Zendesk keeps the last)', () => {
      const files = minimalPackage()
      writeText(files, 'translations/en.json', '{ "app": { "name": "A", "name": "Acme helper" } }')
      return files
    }],
    ['files outside manifest, translations and assets', () => {
      const files = minimalPackage()
      writeText(files, 'README.md', '# Acme helper')
      return files
    }],
    ['an uppercase .ZIP extension, by name only (mime.rb compares the extension as written)', () => {
      const files = minimalPackage()
      writeText(files, 'assets/notes.ZIP', 'plain text')
      return files
    }],
  ] // prettier-ignore

  it.each(cases)('accepts %s', (_, build) => {
    expect(errorLines(build())).toBe('')
  })

  it('still reports our Marketplace rules for them, as warnings', () => {
    const files = minimalPackage({
      version: '1.0',
      location: { support: { nav_bar: 'assets/index.html' } },
    })
    const warnings = validatePackage(files).filter((p) => p.level === 'marketplace')
    expect(warnings.every((p) => p.severity === 'warning')).toBe(true)
    expect(warnings.map((p) => p.rule)).toEqual(
      expect.arrayContaining([
        'marketplace:version',
        'marketplace:location-object-form',
        'marketplace:icons',
      ]),
    )
    const strict = validatePackage(files, { marketplace: true }).filter(
      (p) => p.level === 'marketplace',
    )
    expect(strict.every((p) => p.severity === 'error')).toBe(true)
  })
})
