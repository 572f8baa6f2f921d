import type { PackageFiles, Problem } from '../../../scripts/package/types'

import { minimalPackage, writeText, zendeskErrors } from './packageFixture'

const listing = {
  name: 'Acme helper',
  short_description: 'Helps',
  long_description: 'Helps a lot',
  installation_instructions: 'Install',
}

function withTranslation(
  file: string,
  content: unknown,
  manifest: Record<string, unknown> = {},
): PackageFiles {
  const files = minimalPackage(manifest)
  writeText(files, file, typeof content === 'string' ? content : JSON.stringify(content))
  return files
}

describe('Zendesk translation rules (validations/translations.rb)', () => {
  const cases: [string, () => PackageFiles, Partial<Problem>][] = [
    ['a file not named after a locale', () => withTranslation('translations/english.json', {}), { rule: 'translations.rb:translation.invalid_locale', file: 'translations/english.json' }],
    ['a file that is not JSON', () => withTranslation('translations/es.json', '{ "app": '), { rule: 'translations.rb:translation.not_json' }],
    ['a file that is a JSON list', () => withTranslation('translations/es.json', []), { rule: 'translations.rb:translation.not_json_object' }],
    ['a title/value file with a leaf lacking its title', () => withTranslation('translations/en-US.json', { app: { package: 'acme' }, a: { b: { b1: { value: 'x' } } } }), { rule: 'translations.rb:translation.invalid_format', key: 'a.b.b1.value' }],
    ['a title/value file with a plain string', () => withTranslation('translations/en-US.json', { app: { package: 'acme' }, greeting: 'Hi' }), { rule: 'translations.rb:translation.invalid_format', key: 'greeting' }],
    ['a parameter entry without its label', () => withTranslation('translations/pt-br.json', { app: { parameters: { url: { helpText: 'The URL' } } } }), { rule: 'translations.rb:translation.missing_required_key_on_leaf', key: 'app.parameters.url' }],
    ['a parameter entry that is a string', () => withTranslation('translations/pt-br.json', { app: { parameters: { description: 'no' } } }), { rule: 'translations.rb:translation.missing_required_key_on_leaf' }],
    ['an en.json without the app name', () => withTranslation('translations/en.json', { app: {} }), { rule: 'translations.rb:translation.missing_required_key', key: 'app.name' }],
    ['a public app without its long description', () => withTranslation('translations/en.json', { app: { ...listing, long_description: undefined } }, { private: false }), { rule: 'translations.rb:translation.missing_required_key', key: 'app.long_description' }],
    ['product-scoped text for a product the app does not use', () => withTranslation('translations/en.json', { app: { support: listing, chat: listing } }), { rule: 'translations.rb:translation.products_do_not_match_manifest_products', key: 'app' }],
    ['product-scoped text missing a key', () => withTranslation('translations/en.json', { app: { support: { ...listing, installation_instructions: undefined } } }, { private: false }), { rule: 'translations.rb:translation.missing_required_key_for_product', key: 'app.support.installation_instructions' }],
  ] // prettier-ignore

  it.each(cases)('rejects %s', (_, build, expected) => {
    expect(zendeskErrors(build())).toContainEqual(
      expect.objectContaining({ severity: 'error', ...expected }),
    )
  })

  it('reads the listing text from en.json only, and needs only the name in a private app', () => {
    const files = minimalPackage({ defaultLocale: 'ca' })
    files.delete('translations/en.json')
    writeText(files, 'translations/ca.json', JSON.stringify({ greeting: 'Hola' }))
    expect(zendeskErrors(files)).toEqual([])
    expect(
      zendeskErrors(withTranslation('translations/en.json', { app: { name: 'Acme' } })),
    ).toEqual([])
  })
})
