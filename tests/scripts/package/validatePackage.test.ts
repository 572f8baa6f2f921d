import { readFileSync } from 'node:fs'
import path from 'node:path'

import { Resvg } from '@resvg/resvg-js'

import { readPackageZip } from '../../../scripts/package/readPackage'
import type { PackageFiles, Problem } from '../../../scripts/package/types'
import { formatProblems, validatePackage } from '../../../scripts/package/validatePackage'
import { zipPackage } from '../../../scripts/package/zip'

import { readJson, setJson, sourcePackage, writeText } from './packageFixture'

const ROOT = path.join(__dirname, '..', '..', '..')

function errorsOf(files: PackageFiles, marketplace = false): Problem[] {
  return validatePackage(files, { marketplace }).filter((p) => p.severity === 'error')
}

function png(width: number, height: number, background: string): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${background}"/></svg>`
  const rendered = new Resvg(svg, { background }).render()
  return rendered.asPng()
}

describe('validatePackage', () => {
  it('accepts the project sources as a package at the Marketplace level', () => {
    expect(formatProblems(errorsOf(sourcePackage(), true))).toBe('')
  })

  it('accepts its own zip of the package', () => {
    const files = readPackageZip(zipPackage(sourcePackage()))
    expect(errorsOf(files, true)).toEqual([])
  })

  it('accepts product-scoped listing text, the description alias and the title/value format at the Marketplace level', () => {
    const files = sourcePackage()
    for (const locale of ['en', 'ca', 'es', 'ru', 'ro', 'id']) {
      const file = `translations/${locale}.json`
      const tree = readJson(files, file) as { app: Record<string, unknown> }
      const { name, short_description, long_description, installation_instructions, ...rest } =
        tree.app
      const listing = { name, description: short_description, long_description, installation_instructions } // prettier-ignore
      writeText(files, file, JSON.stringify({ ...tree, app: { ...rest, support: listing } }))
    }
    // Zendesk's title/value format: every message a { title, value } pair, app.package set.
    const wrap = (node: unknown): unknown =>
      typeof node === 'string'
        ? { title: 'Shown to translators', value: node }
        : typeof node === 'object' && node !== null
          ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, wrap(v)]))
          : node
    const ca = wrap(readJson(files, 'translations/ca.json')) as { app: Record<string, unknown> }
    writeText(
      files,
      'translations/ca.json',
      JSON.stringify({ ...ca, app: { ...ca.app, package: 'radar' } }),
    )
    expect(formatProblems(errorsOf(files, true))).toBe('')
  })

  it('zips deterministically', () => {
    expect(zipPackage(sourcePackage())).toEqual(zipPackage(sourcePackage()))
  })

  describe('packages Zendesk rejects', () => {
    // Each case breaks one thing; the validator must name that file and key, as a Zendesk error.
    const cases: [string, (files: PackageFiles) => void, Partial<Problem>][] = [
      [
        'a missing manifest',
        (files) => files.delete('manifest.json'),
        { file: 'manifest.json', message: 'is missing at the root of the package' },
      ],

      [
        'a manifest that is not JSON',
        (files) => writeText(files, 'manifest.json', '{ "author": '),
        { file: 'manifest.json' },
      ],

      [
        'a duplicated manifest key',
        (files) => {
          const text = new TextDecoder().decode(files.get('manifest.json')?.data)
          writeText(
            files,
            'manifest.json',
            text.replace('"private": true,', '"private": true, "private": false,'),
          )
        },
        { file: 'manifest.json', key: 'private', message: 'key appears more than once' },
      ],

      [
        'a wrong frameworkVersion',
        (files) => setJson(files, 'manifest.json', 'frameworkVersion', '1.0'),
        { file: 'manifest.json', key: 'frameworkVersion' },
      ],

      [
        'a missing author',
        (files) => setJson(files, 'manifest.json', 'author', undefined),
        { file: 'manifest.json', key: 'author', message: 'is required' },
      ],

      [
        'a location page missing from the package',
        (files) => files.delete('assets/ticket_sidebar.html'),
        { file: 'manifest.json', key: 'location.support.ticket_sidebar.url' },
      ],

      [
        'an unknown location',
        (files) =>
          setJson(files, 'manifest.json', 'location.support.side_panel', {
            url: 'assets/nav_bar.html',
          }),
        { file: 'manifest.json', key: 'location.support.side_panel' },
      ],

      [
        'a parameter called name',
        (files) => setJson(files, 'manifest.json', 'parameters.0.name', 'name'),
        {
          file: 'manifest.json',
          key: 'parameters[0] (name)',
          message: 'a parameter cannot be called "name"',
        },
      ],

      [
        'a required hidden parameter',
        (files) => {
          setJson(files, 'manifest.json', 'parameters.0.type', 'hidden')
          setJson(files, 'manifest.json', 'parameters.0.required', true)
        },
        { file: 'manifest.json', message: 'hidden parameters cannot be required' },
      ],

      [
        'a symbolic link',
        (files) => files.set('assets/linked.js', { data: new Uint8Array(), isSymlink: true }),
        { file: 'assets/linked.js' },
      ],
    ]

    it.each(cases)('reports %s', (_, breakIt, expected) => {
      const files = sourcePackage()
      breakIt(files)
      expect(errorsOf(files)).toContainEqual(
        expect.objectContaining({ severity: 'error', level: 'zendesk', ...expected }),
      )
    })
  })

  describe('packages only our Marketplace rules refuse', () => {
    // Zendesk accepts these; plain validation warns, the Marketplace level makes them errors.
    const cases: [string, (files: PackageFiles) => void, Partial<Problem>][] = [
      [
        'an author email that is not an address',
        (files) => setJson(files, 'manifest.json', 'author.email', 'apps at example'),
        { file: 'manifest.json', key: 'author.email' },
      ],

      [
        'a location in string form',
        (files) =>
          setJson(files, 'manifest.json', 'location.support.nav_bar', 'assets/nav_bar.html'),
        { file: 'manifest.json', key: 'location.support.nav_bar' },
      ],

      [
        'a secure parameter without scopes',
        (files) =>
          setJson(files, 'manifest.json', 'parameters.0', {
            name: 'crmToken',
            type: 'text',
            secure: true,
          }),
        { file: 'manifest.json', key: 'parameters[0] (crmToken).scopes' },
      ],

      [
        'a token parameter that is not secure',
        (files) =>
          setJson(files, 'manifest.json', 'parameters.0', { name: 'apiToken', type: 'text' }),
        { file: 'manifest.json', key: 'parameters[0] (apiToken)' },
      ],

      [
        'a default that does not match its type',
        (files) => setJson(files, 'manifest.json', 'parameters.3.default', 'lots'),
        { file: 'manifest.json', key: 'parameters[3] (tierPlatinumMin).default' },
      ],

      [
        'a parameter without a label in one locale',
        (files) => setJson(files, 'translations/ro.json', 'app.parameters.churnTag', undefined),
        { file: 'translations/ro.json', key: 'app.parameters.churnTag.label' },
      ],

      [
        'a translation with a missing key',
        (files) => setJson(files, 'translations/es.json', 'sidebar.title', undefined),
        {
          file: 'translations/es.json',
          key: 'sidebar.title',
          message: 'is missing (present in en.json)',
        },
      ],

      [
        'a translation with a mismatched placeholder',
        (files) =>
          setJson(files, 'translations/ca.json', 'dashboard.signedInAs', 'Sessió de {{nom}}'),
        { file: 'translations/ca.json', key: 'dashboard.signedInAs' },
      ],

      [
        'a translation without the plural forms its language needs',
        (files) =>
          setJson(files, 'translations/ru.json', 'sidebar.ticketCount', {
            one: '{{count}} запрос',
            other: '{{count}} запроса',
          }),
        {
          file: 'translations/ru.json',
          key: 'sidebar.ticketCount',
          message: 'plural forms missing for ru: few, many',
        },
      ],

      [
        'a missing Marketplace description',
        (files) => setJson(files, 'translations/en.json', 'app.long_description', undefined),
        { file: 'translations/en.json', key: 'app.long_description' },
      ],

      [
        'an app name over 40 characters',
        (files) =>
          setJson(
            files,
            'translations/en.json',
            'app.name',
            'Retention Radar: customer value and support KPIs',
          ),
        { file: 'translations/en.json', key: 'app.name' },
      ],

      [
        'a logo of the wrong size',
        (files) => files.set('assets/logo.png', { data: png(300, 300, '#0f4c5c') }),
        { file: 'assets/logo.png', message: 'is 300×300; it must be 320×320' },
      ],

      [
        'a small logo without transparency',
        (files) => {
          const opaque = new Resvg(
            '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128"/>',
            { background: '#ffffff' },
          ).render()
          files.set('assets/logo-small.png', { data: opaque.asPng() })
        },
        { file: 'assets/logo-small.png' },
      ],

      [
        'a logo that is not a PNG',
        (files) => writeText(files, 'assets/logo.png', '<svg/>'),
        { file: 'assets/logo.png', message: 'is not a PNG file (bad signature)' },
      ],

      [
        'a missing nav-bar icon',
        (files) => files.delete('assets/icon_nav_bar.svg'),
        { file: 'assets/icon_nav_bar.svg' },
      ],

      [
        'a location page without the ZAF SDK',
        (files) =>
          writeText(
            files,
            'assets/nav_bar.html',
            '<html><body><div id="root"></div></body></html>',
          ),
        { file: 'assets/nav_bar.html' },
      ],

      [
        'a zcli.apps.config.json in the package',
        (files) => writeText(files, 'zcli.apps.config.json', '{"parameters":{}}'),
        { file: 'zcli.apps.config.json' },
      ],

      [
        'a .env file in the package',
        (files) => writeText(files, 'assets/.env', 'ZENDESK_API_TOKEN=abc'),
        { file: 'assets/.env' },
      ],

      [
        'an API token inside a bundle',
        (files) =>
          writeText(
            files,
            'assets/main-abc123.js',
            'const auth = "lead@acme.com/token:AbCdEfGh1234567890XyZ"',
          ),
        { file: 'assets/main-abc123.js' },
      ],

      [
        'screenshots numbered from 1',
        (files) => {
          for (const name of [...files.keys()]) if (name.includes('screenshot-')) files.delete(name)
          files.set('assets/screenshot-1.png', { data: png(1024, 768, '#ffffff') })
        },
        { file: 'assets/screenshot-1.png' },
      ],

      [
        'a screenshot of the wrong size',
        (files) => files.set('assets/screenshot-0.png', { data: png(800, 600, '#ffffff') }),
        {
          file: 'assets/screenshot-0.png',
          message: 'is 800×600; screenshots must be 1024×768 or 2048×1536',
        },
      ],

      [
        'a fourth screenshot',
        (files) => {
          for (const i of [0, 1, 2, 3])
            files.set(`assets/screenshot-${i}.png`, { data: png(1024, 768, '#ffffff') })
        },
        { file: 'assets/screenshot-3.png' },
      ],
    ]

    it.each(cases)(
      'warns about %s, and refuses it at the Marketplace level',
      (_, breakIt, expected) => {
        const files = sourcePackage()
        breakIt(files)
        const plain = validatePackage(files)
        expect(plain.filter((p) => p.severity === 'error' && p.level === 'marketplace')).toEqual([])
        expect(plain).toContainEqual(
          expect.objectContaining({ severity: 'warning', level: 'marketplace', ...expected }),
        )
        expect(errorsOf(files, true)).toContainEqual(
          expect.objectContaining({ severity: 'error', level: 'marketplace', ...expected }),
        )
      },
    )
  })

  it('warns, as Zendesk does, about every http:// URL in scripts and pages, one line per file', () => {
    const files = sourcePackage()
    writeText(
      files,
      'assets/main-abc123.js',
      'fetch("http://api.example.com/x"); const ns = "http://www.w3.org/2000/svg"',
    )
    const warnings = validatePackage(files).filter((p) => p.rule.startsWith('requests.rb'))
    expect(warnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        level: 'zendesk',
        file: 'assets/main-abc123.js',
        message: 'insecure http:// URLs: http://api.example.com/x, http://www.w3.org/2000/svg',
      }),
    ])
    writeText(files, 'assets/main-abc123.js', 'fetch("https://api.example.com/x")')
    expect(validatePackage(files).filter((p) => p.severity === 'warning')).toEqual([])
  })

  it('reports every problem at once, each on one line with its file, key and rule', () => {
    const files = sourcePackage()
    setJson(files, 'manifest.json', 'frameworkVersion', '1.0')
    files.delete('assets/logo.png')
    setJson(files, 'translations/id.json', 'common.retry', undefined)
    const problems = errorsOf(files, true)
    expect(problems.map((p) => p.file)).toEqual(
      expect.arrayContaining(['manifest.json', 'assets/logo.png', 'translations/id.json']),
    )
    const lines = formatProblems(problems).split('\n')
    expect(lines).toHaveLength(problems.length)
    expect(lines).toContain(
      'error   manifest.json › frameworkVersion: must be "2.0" (the version Zendesk serves), got "1.0" [manifest.rb:invalid_version]',
    )
    expect(lines).toContain(
      'error   translations/id.json › common.retry: is missing (present in en.json) [marketplace:locale-keys]',
    )
  })

  it('checks the committed logo against the SVG it is rendered from', () => {
    // assets/logo.png is generated by `npm run assets`; a stale PNG would not match a fresh render.
    const svg = readFileSync(path.join(ROOT, 'assets', 'logo.svg'), 'utf8')
    const fresh = new Resvg(svg, {
      fitTo: { mode: 'width', value: 320 },
      background: 'rgba(0,0,0,0)',
    })
      .render()
      .asPng()
    expect(Buffer.from(fresh).equals(readFileSync(path.join(ROOT, 'assets', 'logo.png')))).toBe(
      true,
    )
  })
})
