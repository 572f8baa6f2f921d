import { gzipSync } from 'node:zlib'

import { zipSync } from 'fflate'

import type { PackageFiles, Problem } from '../../../scripts/package/types'
import { validatePackage } from '../../../scripts/package/validatePackage'

import { minimalPackage, pngHeader, writeText, zendeskErrors } from './packageFixture'

function withFile(
  path: string,
  data: Uint8Array | string,
  manifest: Record<string, unknown> = {},
): PackageFiles {
  const files = minimalPackage(manifest)
  if (typeof data === 'string') writeText(files, path, data)
  else files.set(path, { data })
  return files
}

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  )

describe("Zendesk's rules on files (banner.rb, mime.rb, source.rb, templates.rb, svg.rb, secrets.rb)", () => {
  const cases: [string, () => PackageFiles, Partial<Problem>][] = [
    ['a banner that is not a PNG', () => withFile('assets/banner.png', '<svg/>'), { rule: 'banner.rb:banner.invalid_format', file: 'assets/banner.png' }],
    ['a banner of the wrong size', () => withFile('assets/banner.png', pngHeader(800, 200)), { rule: 'banner.rb:banner.invalid_size', message: 'is 800×200; the Marketplace banner must be 830×200 (or 1660×400)' }],
    ['a .pdf file', () => withFile('assets/guide.pdf', 'not really a pdf'), { rule: 'mime.rb:unsupported_mime_type_detected', file: 'assets/guide.pdf' }],
    ['a .7z file', () => withFile('assets/old.7z', 'x'), { rule: 'mime.rb:unsupported_mime_type_detected' }],
    ['a .sh file', () => withFile('assets/build.sh', 'echo hi'), { rule: 'mime.rb:unsupported_mime_type_detected' }],
    ['a zip renamed .html', () => withFile('assets/page.html', zipSync({ 'a.txt': bytes('hello') })), { rule: 'mime.rb:unsupported_mime_type_detected', message: 'is a zip file by its content; such files are not allowed in an app package' }],
    ['a gzip renamed .js', () => withFile('assets/app.js', new Uint8Array(gzipSync('console.log(1)'))), { rule: 'mime.rb:unsupported_mime_type_detected', file: 'assets/app.js' }],
    ['a PDF renamed .txt', () => withFile('assets/notes.txt', '%PDF-1.7\n%…'), { rule: 'mime.rb:unsupported_mime_type_detected', file: 'assets/notes.txt' }],
    ['an MP3 renamed .png', () => withFile('assets/icon.png', bytes('ID3', [3, 0, 0, 0, 0, 0, 0])), { rule: 'mime.rb:unsupported_mime_type_detected', file: 'assets/icon.png' }],
    ['scripts in a requirements-only app', () => {
      const files = withFile('assets/app.js', 'console.log(1)', { requirementsOnly: true, location: undefined, frameworkVersion: undefined })
      writeText(files, 'requirements.json', JSON.stringify({ ticket_fields: { s: { title: 'S' } } }))
      return files
    }, { rule: 'source.rb:no_source_required_apps', file: 'assets/app.js' }],
    ['a stylesheet in a marketing-only app', () => withFile('app.css', 'p { color: red }', { marketingOnly: true, private: false, location: undefined, frameworkVersion: undefined }), { rule: 'source.rb:no_source_required_apps', file: 'app.css' }],
    ['a <style> in a framework 1 template', () => withFile('templates/layout.hdbs', '<style>p{}</style>', { frameworkVersion: '1.0', location: ['ticket_sidebar'] }), { rule: 'templates.rb:style_in_template', file: 'templates/layout.hdbs' }],
    ['a symbolic link', () => {
      const files = minimalPackage()
      files.set('assets/linked.js', { data: new Uint8Array(), isSymlink: true })
      return files
    }, { rule: 'marketplace.rb:symlink_in_zip', file: 'assets/linked.js' }],
  ] // prettier-ignore

  it.each(cases)('rejects %s', (_, build, expected) => {
    expect(zendeskErrors(build())).toContainEqual(
      expect.objectContaining({ severity: 'error', ...expected }),
    )
  })

  it('accepts banners of 830×200 and 1660×400, Office documents by content alone, and other binaries', () => {
    for (const [w, h] of [[830, 200], [1660, 400]]) expect(zendeskErrors(withFile('assets/banner.png', pngHeader(w ?? 0, h ?? 0)))).toEqual([])
    // marcel calls Office Open XML x-tika-ooxml, a subtype Zendesk's list does not have.
    const ooxml = new Uint8Array(64)
    ooxml.set(bytes('PK', [3, 4]))
    ooxml.set(bytes('[Content_Types].xml'), 30)
    expect(zendeskErrors(withFile('assets/data.bin.txt', ooxml))).toEqual([])
    expect(zendeskErrors(withFile('assets/tool.exe', 'MZ'))).toEqual([])
  }) // prettier-ignore

  const warnings: [string, () => PackageFiles, Partial<Problem>][] = [
    ['an SVG with an embedded bitmap', () => withFile('assets/icon_top_bar.svg', '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,AAAA"/></svg>'), { rule: 'svg.rb:bitmap_in_svg' }],
    ['an SVG with a script', () => withFile('assets/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), { rule: 'svg.rb:sanitised_svg' }],
    ['an SVG with an event handler', () => withFile('assets/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="go()"><rect/></svg>'), { rule: 'svg.rb:sanitised_svg' }],
    ['an AWS key in a script', () => withFile('assets/app.js', 'const k = "AKIAABCDEFGHIJKLMNOP"'), { rule: 'secrets.rb:application_secret', message: 'may contain a secret (AWS Access Key ID)' }],
    ['a password in JSON', () => withFile('assets/config.json', '{ "password": "hunter2hunter2" }'), { rule: 'secrets.rb:application_secret', message: 'may contain a secret (Password)' }],
    ['a secret keyword', () => withFile('assets/app.js', 'const api_key = read()'), { rule: 'secrets.rb:generic_secrets' }],
    ['an http:// URL in a page', () => withFile('assets/index.html', '<a href="http://acme.test">x</a>'), { rule: 'requests.rb:insecure_http_request' }],
  ] // prettier-ignore

  it.each(warnings)('only warns about %s', (_, build, expected) => {
    const files = build()
    expect(zendeskErrors(files)).toEqual([])
    expect(validatePackage(files)).toContainEqual(
      expect.objectContaining({ severity: 'warning', level: 'zendesk', ...expected }),
    )
  })

  it('does not warn about a clean SVG, or scan files the gem does not read for secrets', () => {
    const svg = withFile(
      'assets/logo.svg',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>',
    )
    expect(validatePackage(svg).filter((p) => p.rule.startsWith('svg.rb'))).toEqual([])
    const css = withFile('assets/app.css', '/* password: hunter2hunter2 */')
    expect(validatePackage(css).filter((p) => p.rule.startsWith('secrets.rb'))).toEqual([])
  })
})
