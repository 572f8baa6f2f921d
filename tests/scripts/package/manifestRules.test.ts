import type { PackageFiles, Problem } from '../../../scripts/package/types'
import { validatePackage } from '../../../scripts/package/validatePackage'

import { minimalPackage, writeText, zendeskErrors } from './packageFixture'

const url = { url: 'assets/index.html' }
const oauth = {
  client_id: 'radar',
  client_secret: 'shh',
  authorize_uri: 'https://crm.example/oauth/authorize',
  access_token_uri: 'https://crm.example/oauth/token',
}

describe('Zendesk manifest rules (validations/manifest.rb, marketplace.rb)', () => {
  it('accepts the minimal package the cases below break', () => {
    expect(zendeskErrors(minimalPackage())).toEqual([])
  })

  // Each case is one broken manifest; the error must carry the gem's rule and the key.
  const cases: [string, Record<string, unknown>, Partial<Problem>][] = [
    // type checks
    ['a singleInstall that is not a boolean', { singleInstall: 'yes' }, { rule: 'manifest.rb:unacceptable_boolean', key: 'singleInstall' }],
    ['a signedUrls that is not a boolean', { signedUrls: 1 }, { rule: 'manifest.rb:unacceptable_boolean', key: 'signedUrls' }],
    ['a private that is a string', { private: 'true' }, { rule: 'manifest.rb:unacceptable_boolean', key: 'private' }],
    ['experiments as an array', { experiments: ['hashParams'] }, { rule: 'manifest.rb:unacceptable_hash', key: 'experiments' }],
    ['a domainWhitelist that is a string', { domainWhitelist: 'crm.example' }, { rule: 'manifest.rb:unacceptable_array_of_strings', key: 'domainWhitelist' }],
    ['a domainWhitelist with a number', { domainWhitelist: ['crm.example', 7] }, { rule: 'manifest.rb:unacceptable_array_of_strings', key: 'domainWhitelist' }],
    ['a remoteInstallationURL that is a number', { remoteInstallationURL: 5 }, { rule: 'manifest.rb:unacceptable_string', key: 'remoteInstallationURL' }],
    ['a gaID that is a number', { gaID: 12345 }, { rule: 'manifest.rb:unacceptable_string', key: 'gaID' }],
    ['a version that is a number', { version: 1 }, { rule: 'manifest.rb:unacceptable_string', key: 'version' }],
    ['an author name that is a number', { author: { name: 5 } }, { rule: 'manifest.rb:unacceptable_string', key: 'author.name' }],
    ['parameters as an object', { parameters: { a: 1 } }, { rule: 'manifest.rb:parameters_not_an_array', key: 'parameters' }],
    ['a parameter that is a string', { parameters: ['apiUrl'] }, { rule: 'manifest.rb:parameters', key: 'parameters[0]' }],
    ['noTemplate naming no location', { noTemplate: ['sidebar'] }, { rule: 'manifest.rb:invalid_no_template', key: 'noTemplate' }],
    ['noTemplate in a framework 2 app', { noTemplate: true }, { rule: 'manifest.rb:no_template_deprecated_in_v2', key: 'noTemplate' }],
    // required keys, default locale
    ['a missing defaultLocale', { defaultLocale: undefined }, { rule: 'manifest.rb:manifest_keys.missing', key: 'defaultLocale' }],
    ['a defaultLocale that is not a locale', { defaultLocale: 'english' }, { rule: 'manifest.rb:invalid_default_locale' }],
    ['a defaultLocale without its file', { defaultLocale: 'fr' }, { rule: 'manifest.rb:missing_translation_file', message: 'translations/fr.json is missing' }],
    ['a missing frameworkVersion', { frameworkVersion: undefined }, { rule: 'manifest.rb:manifest_keys.missing', key: 'frameworkVersion' }],
    // oauth
    ['an oauth block missing fields', { oauth: { client_id: 'radar' }, parameters: [{ name: 'token', type: 'oauth' }] }, { rule: 'manifest.rb:oauth_keys.missing', key: 'oauth.access_token_uri' }],
    ['an oauth block without an oauth parameter', { oauth }, { rule: 'manifest.rb:oauth_parameter_required', key: 'oauth' }],
    ['an oauth block that is a string', { oauth: 'crm', parameters: [{ name: 't', type: 'oauth' }] }, { rule: 'manifest.rb:oauth_keys.missing', key: 'oauth' }],
    ['two oauth parameters', { oauth, parameters: [{ name: 'a', type: 'oauth' }, { name: 'b', type: 'oauth' }] }, { rule: 'manifest.rb:too_many_oauth_parameters' }],
    ['a secure oauth parameter', { oauth, parameters: [{ name: 'a', type: 'oauth', secure: true }] }, { rule: 'manifest.rb:oauth_parameter_cannot_be_secure' }],
    // URLs
    ['a termsConditionsURL that is not http', { termsConditionsURL: 'ftp://acme.test/terms' }, { rule: 'manifest.rb:invalid_url', key: 'termsConditionsURL' }],
    ['an empty termsConditionsURL', { termsConditionsURL: '' }, { rule: 'manifest.rb:invalid_url', key: 'termsConditionsURL' }],
    ['an author URL of "http://" alone', { author: { name: 'Acme', url: 'http://' } }, { rule: 'manifest.rb:invalid_url', key: 'author.url' }],
    ['a termsConditionsURL without a host', { termsConditionsURL: 'terms.html' }, { rule: 'manifest.rb:invalid_url', key: 'termsConditionsURL' }],
    ['an author URL without a scheme', { author: { name: 'Acme', url: 'acme.test' } }, { rule: 'manifest.rb:invalid_url', key: 'author.url' }],
    // experiments whitelist
    ['an experiment Zendesk does not offer', { experiments: { explodingButtons: true, hashParams: true } }, { rule: 'marketplace.rb:invalid_experiment', key: 'experiments.explodingButtons' }],
    // parameters
    ['a password parameter', { parameters: [{ name: 'crmPass', type: 'password' }] }, { rule: 'manifest.rb:invalid_type_parameter', key: 'parameters[0] (crmPass).type' }],
    ['an mtls parameter (behind a flag Zendesk leaves off)', { parameters: [{ name: 'cert', type: 'mtls' }] }, { rule: 'manifest.rb:invalid_type_parameter' }],
    ['two parameters with one name', { parameters: [{ name: 'a' }, { name: 'a', type: 'number' }] }, { rule: 'manifest.rb:duplicate_parameters', key: 'parameters[1] (a)' }],
    ['a required flag that is a string', { parameters: [{ name: 'a', required: 'yes' }] }, { rule: 'manifest.rb:unacceptable_boolean', key: 'parameters[0] (a).required' }],
    ['scopes on a parameter that is not secure', { parameters: [{ name: 'a', scopes: ['header'] }] }, { rule: 'manifest.rb:field_requires_secure_parameter', key: 'parameters[0] (a).scopes' }],
    ['scopes as a string', { parameters: [{ name: 'a', secure: true, scopes: 'header' }] }, { rule: 'manifest.rb:unacceptable_array' }],
    ['empty scopes', { parameters: [{ name: 'a', secure: true, scopes: [] }] }, { rule: 'manifest.rb:field_cannot_be_empty' }],
    ['an unknown scope', { parameters: [{ name: 'a', secure: true, scopes: ['cookie'] }] }, { rule: 'manifest.rb:field_contains_invalid_values' }],
    // app kinds
    ['a requirements-only app with locations', { requirementsOnly: true, frameworkVersion: undefined }, { rule: 'manifest.rb:no_location_required', key: 'location' }],
    ['a requirements-only app with a frameworkVersion', { requirementsOnly: true, location: undefined }, { rule: 'manifest.rb:no_framework_version_required' }],
    ['a marketing-only app with parameters', { marketingOnly: true, private: false, location: undefined, frameworkVersion: undefined, parameters: [{ name: 'a' }] }, { rule: 'manifest.rb:no_parameters_required' }],
    ['a private marketing-only app', { marketingOnly: true, location: undefined, frameworkVersion: undefined }, { rule: 'manifest.rb:marketing_only_app_cant_be_private', key: 'private' }],
  ] // prettier-ignore

  it.each(cases)('rejects %s', (_, manifest, expected) => {
    expect(zendeskErrors(minimalPackage(manifest))).toContainEqual(
      expect.objectContaining({ file: 'manifest.json', severity: 'error', ...expected }),
    )
  })

  const locationCases: [string, unknown, Partial<Problem>][] = [
    ['no location', undefined, { rule: 'manifest.rb:manifest_keys.missing', key: 'location' }],
    ['a Support location on Chat', { chat: { ticket_sidebar: url } }, { rule: 'manifest.rb:invalid_location', key: 'location.chat.ticket_sidebar' }],
    ['a Sell location that does not exist', { sell: { ticket_sidebar: url } }, { rule: 'manifest.rb:invalid_location', key: 'location.sell.ticket_sidebar' }],
    ['an unknown location under a legacy product name', { zopim: { chat_panel: url } }, { rule: 'manifest.rb:invalid_location', key: 'location.zopim.chat_panel' }],
    ['the custom object record sidebar', { support: { custom_object_record_sidebar: url } }, { rule: 'manifest.rb:invalid_location' }],
    ['a host that is not a product', { desk: { nav_bar: url } }, { rule: 'manifest.rb:invalid_host', key: 'location.desk' }],
    ['a product that is not an object', { support: 'assets/index.html' }, { rule: 'manifest.rb:invalid_location', key: 'location.support' }],
    ['a location without a url', { support: { ticket_sidebar: { flexible: true } } }, { rule: 'manifest.rb:blank_location_uri', key: 'location.support.ticket_sidebar.url' }],
    ['an http location URL', { support: { ticket_sidebar: { url: 'http://acme.test/app' } } }, { rule: 'manifest.rb:invalid_location_uri' }],
    ['a relative URL outside assets/', { support: { ticket_sidebar: { url: 'index.html' } } }, { rule: 'manifest.rb:invalid_location_uri' }],
    ['a location page not in the package', { support: { ticket_sidebar: { url: 'assets/gone.html' } } }, { rule: 'manifest.rb:invalid_location_uri', message: 'assets/gone.html is not in the package' }],
    ['a flexible flag that is a string', { support: { ticket_sidebar: { ...url, flexible: 'yes' } } }, { rule: 'manifest.rb:invalid_location_flexible_type' }],
    ['a location URL that is not a string', { support: { ticket_sidebar: { url: true } } }, { rule: 'manifest.rb:blank_location_uri' }],
    ['an empty location string', { support: { ticket_sidebar: '' } }, { rule: 'manifest.rb:blank_location_uri' }],
    ['a backslash for a location URL', { support: { ticket_sidebar: '\\' } }, { rule: 'manifest.rb:invalid_location_uri' }],
    ['a location listed twice by name', ['ticket_sidebar', 'ticket_sidebar'], { rule: 'manifest.rb:duplicate_manifest_keys', key: 'location.ticket_sidebar' }],
    ['a framework 1 list of location names', ['ticket_sidebar'], { rule: 'manifest.rb:locations_must_be_urls' }],
  ] // prettier-ignore

  it.each(locationCases)('rejects %s', (_, location, expected) => {
    expect(zendeskErrors(minimalPackage({ location }))).toContainEqual(
      expect.objectContaining({ file: 'manifest.json', ...expected }),
    )
  })

  it('rejects framework 1 apps, and framework 2 locations in them', () => {
    const files = minimalPackage({
      frameworkVersion: '1.0',
      location: { chat: { chat_sidebar: url } },
    })
    const rules = zendeskErrors(files).map((p) => p.rule)
    expect(rules).toEqual(
      expect.arrayContaining(['manifest.rb:invalid_version', 'manifest.rb:invalid_v1_location']),
    )
  })

  it('rejects a manifest one folder down, a non-object manifest and a key given twice', () => {
    const nested: PackageFiles = new Map()
    for (const [path, file] of minimalPackage()) nested.set(`radar/${path}`, file)
    expect(zendeskErrors(nested)).toContainEqual(
      expect.objectContaining({ rule: 'manifest.rb:nested_manifest' }),
    )
    const files = minimalPackage()
    writeText(files, 'manifest.json', '[]')
    expect(zendeskErrors(files)).toContainEqual(
      expect.objectContaining({ rule: 'manifest.rb:manifest_not_json' }),
    )
    const text = JSON.stringify({ author: { name: 'A', name2: 'B' } }).replace('name2', 'name')
    writeText(files, 'manifest.json', text)
    expect(zendeskErrors(files)).toContainEqual(
      expect.objectContaining({ rule: 'manifest.rb:duplicate_manifest_keys', key: 'author.name' }),
    )
  })

  it('only warns about a default on a secure or hidden parameter (secure_settings.rb)', () => {
    const files = minimalPackage({ parameters: [{ name: 'seed', type: 'hidden', default: 'x' }] })
    expect(zendeskErrors(files)).toEqual([])
    expect(validatePackage(files)).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        rule: 'secure_settings.rb:default_secure_or_hidden_parameter_in_manifest',
        key: 'parameters[0] (seed).default',
      }),
    )
  })
})
