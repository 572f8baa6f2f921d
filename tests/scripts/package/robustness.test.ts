import type { PackageFiles, Problem } from '../../../scripts/package/types'
import { validatePackage } from '../../../scripts/package/validatePackage'

import { minimalPackage, writeText, zendeskErrors } from './packageFixture'

// Values of every JSON type and the shapes the checks expect, in the wrong places.
const WEIRD: unknown[] = [
  null,
  0,
  1,
  true,
  false,
  '',
  'x',
  [],
  [1],
  [null],
  {},
  { a: 1 },
  { url: 5 },
  [{}],
]
const MANIFEST_KEYS = ['author', 'version', 'frameworkVersion', 'location', 'gaID', 'defaultLocale', 'parameters', 'domainWhitelist', 'private', 'requirementsOnly', 'singleInstall', 'signedUrls', 'termsConditionsURL', 'experiments', 'marketingOnly', 'oauth', 'remoteInstallationURL', 'noTemplate'] // prettier-ignore
const REQUIREMENT_TYPES = ['channel_integrations', 'custom_objects', 'targets', 'ticket_fields', 'user_fields', 'webhooks', 'custom_objects_v2'] // prettier-ignore

/** Runs both levels (a throw fails the test) and returns the problems that are not well-formed lines. */
function both(files: PackageFiles): Problem[] {
  const problems = [...validatePackage(files), ...validatePackage(files, { marketplace: true })]
  return problems.filter((p) => p.file === '' || p.message === '' || !p.rule.includes(':'))
}

describe('validatePackage on bad input', () => {
  it('never throws on a manifest key of any type', () => {
    const broken: Problem[] = []
    for (const key of MANIFEST_KEYS)
      for (const value of WEIRD) broken.push(...both(minimalPackage({ [key]: value })))
    for (const value of WEIRD) {
      broken.push(...both(minimalPackage({ location: { support: value } })))
      broken.push(...both(minimalPackage({ location: { support: { nav_bar: value } } })))
      broken.push(...both(minimalPackage({ parameters: [value] })))
      const parameter = { name: value, type: value, scopes: value, default: value, secure: value }
      broken.push(...both(minimalPackage({ parameters: [parameter] })))
    }
    expect(broken).toEqual([])
  })

  it('never throws on requirements or translations of any shape', () => {
    const broken: Problem[] = []
    for (const value of WEIRD) {
      for (const type of REQUIREMENT_TYPES) {
        for (const shape of [value, { id: value }]) {
          const files = minimalPackage()
          writeText(files, 'requirements.json', JSON.stringify({ [type]: shape }))
          broken.push(...both(files))
        }
      }
      for (const collection of ['objects', 'object_fields', 'object_triggers']) {
        const item = { key: value, object_key: value, type: value, conditions: value, actions: value, custom_field_options: value, relationship_filter: value } // prettier-ignore
        const files = minimalPackage()
        writeText(
          files,
          'requirements.json',
          JSON.stringify({ custom_objects_v2: { [collection]: [item, value] } }),
        )
        broken.push(...both(files))
      }
      for (const shape of [
        value,
        { app: value },
        { app: { parameters: value } },
        { app: { package: 'x', y: value } },
        { app: { support: value } },
      ]) {
        const files = minimalPackage()
        writeText(files, 'translations/en.json', JSON.stringify(shape))
        writeText(files, 'translations/es.json', JSON.stringify(shape))
        broken.push(...both(files))
      }
    }
    expect(broken).toEqual([])
  })

  it('reports unreadable files instead of throwing', () => {
    for (const text of ['', 'null', '"x"', '[', '\u0000']) {
      const files = minimalPackage()
      writeText(files, 'manifest.json', text)
      writeText(files, 'requirements.json', text)
      writeText(files, 'translations/es.json', text)
      files.set('assets/banner.png', { data: new Uint8Array([0x89]) })
      files.set('assets/logo.png', { data: new Uint8Array(40).fill(0x89) })
      const files_ = zendeskErrors(files).map((p) => p.file)
      expect(files_).toEqual(
        expect.arrayContaining([
          'manifest.json',
          'requirements.json',
          'translations/es.json',
          'assets/banner.png',
        ]),
      )
    }
  })

  it('leaves a top-level tmp/ folder to the Marketplace layout rule, as Zendesk skips it', () => {
    const files = minimalPackage()
    writeText(files, 'tmp/build.zip', 'x')
    expect(zendeskErrors(files)).toEqual([])
    expect(validatePackage(files, { marketplace: true })).toContainEqual(
      expect.objectContaining({
        file: 'tmp/build.zip',
        rule: 'marketplace:package-layout',
        severity: 'error',
      }),
    )
  })
})
