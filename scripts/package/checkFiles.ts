// Zendesk's rules on the package's files (zendesk_apps_support validations/{marketplace,mime,source,
// templates,banner,svg,requests,secrets}.rb). Our stricter file rules are in marketplaceFiles.ts.
import type { Findings } from './context'
import { extensionOf } from './context'
import type { ManifestModel } from './manifestModel'
import { sniffRejectedSubtype } from './mime'
import { BANNER_SIZES, UNSUPPORTED_MIME_TYPES } from './rules'
import { APPLICATION_SECRETS, hasSecret, SECRET_KEYWORDS, SECRET_SCANNED } from './secretRules'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The size in a PNG header, as the image_size gem reads it (no decoding), or undefined. */
export function pngSize(data: Uint8Array): { width: number; height: number } | undefined {
  if (data.length < 24 || PNG_SIGNATURE.some((b, i) => data[i] !== b)) return undefined
  if (String.fromCharCode(...data.subarray(12, 16)) !== 'IHDR') return undefined
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

function checkBanner(f: Findings): void {
  const data = f.files.get('assets/banner.png')?.data
  if (data === undefined) return
  // banner.rb: a PNG of 830×200, or 1660×400 for HiDPI screens.
  const size = pngSize(data)
  if (size === undefined)
    return f.zendesk(
      'banner.rb:banner.invalid_format',
      'assets/banner.png',
      undefined,
      'is not a PNG image',
    )
  if (!BANNER_SIZES.some(([w, h]) => size.width === w && size.height === h))
    f.zendesk(
      'banner.rb:banner.invalid_size',
      'assets/banner.png',
      undefined,
      `is ${size.width}×${size.height}; the Marketplace banner must be 830×200 (or 1660×400)`,
    )
}

/**
 * svg.rb: Zendesk replaces an SVG with an embedded bitmap by a placeholder icon, and rewrites one
 * that its sanitiser (Loofah's prune scrubber) would change; both only warn. We look for what
 * Loofah removes: scripts, foreign content, event handlers and javascript: links.
 */
function checkSvgs(f: Findings): void {
  for (const path of f.files.keys()) {
    if (!/^assets\/.*\.svg$/.test(path)) continue
    const text = f.text(path) ?? ''
    if (/<(?:[\w-]+:)?image[\s/>]/i.test(text))
      f.zendeskWarning(
        'svg.rb:bitmap_in_svg',
        path,
        undefined,
        'embeds a bitmap image; Zendesk replaces this SVG by a placeholder icon',
      )
    else if (
      /<(?:script|foreignObject|iframe|embed|object)[\s/>]|\son[a-z]+\s*=|javascript:/i.test(text)
    )
      f.zendeskWarning(
        'svg.rb:sanitised_svg',
        path,
        undefined,
        'has scripts, event handlers or foreign content; Zendesk strips them from the SVG',
      )
  }
}

function checkSource(f: Findings, model: ManifestModel): void {
  // source.rb: requirements-only and marketing-only apps carry no scripts, templates or styles.
  if (!model.requirementsOnly && !model.marketingOnly) return
  const kind = model.requirementsOnly ? 'a requirements-only' : 'a marketing-only'
  for (const [path, file] of f.files) {
    const isSource =
      /\.jsx?$/.test(path) ||
      /^templates\/.*\.hdbs$/.test(path) ||
      ((path === 'app.css' || path === 'app.scss') && file.data.length > 0)
    if (isSource)
      f.zendesk(
        'source.rb:no_source_required_apps',
        path,
        undefined,
        `${kind} app cannot contain scripts, templates or stylesheets`,
      )
  }
}

function checkTemplates(f: Findings, model: ManifestModel): void {
  // templates.rb: only framework 1 apps have templates, and those may not embed <style>.
  if (model.iframeOnly || model.requirementsOnly || model.marketingOnly) return
  for (const path of f.files.keys()) {
    if (/^templates\/.*\.hdbs$/.test(path) && /<\s*style\b/.test(f.text(path) ?? ''))
      f.zendesk(
        'templates.rb:style_in_template',
        path,
        undefined,
        'has a <style> tag; styles belong in app.css',
      )
  }
}

function checkTextFiles(f: Findings, path: string): void {
  // requests.rb: plain http:// URLs in scripts and pages are a warning.
  if (/\.jsx?$/.test(path) || /\.html?$/.test(path)) {
    const urls = [...new Set((f.text(path) ?? '').match(/\bhttp:\/\/[^\s"'`<>()\\]+/g) ?? [])]
    if (urls.length > 0)
      f.zendeskWarning(
        'requests.rb:insecure_http_request',
        path,
        undefined,
        `insecure http:// URL${urls.length > 1 ? 's' : ''}: ${urls.slice(0, 3).join(', ')}${urls.length > 3 ? ` and ${urls.length - 3} more` : ''}`,
      )
  }
  // secrets.rb: secret-looking text and keywords are a warning.
  if (!SECRET_SCANNED.test(path)) return
  const text = f.text(path) ?? ''
  for (const rule of APPLICATION_SECRETS) {
    if (hasSecret(text, rule))
      f.zendeskWarning(
        'secrets.rb:application_secret',
        path,
        undefined,
        `may contain a secret (${rule.name})`,
      )
  }
  const keyword = SECRET_KEYWORDS.find((k) => text.includes(k))
  if (keyword !== undefined)
    f.zendeskWarning(
      'secrets.rb:generic_secrets',
      path,
      undefined,
      `mentions "${keyword}"; make sure no credential is in the package`,
    )
}

/** Zendesk's rules on the files themselves; the manifest-dependent ones run when it was read. */
export function checkFiles(f: Findings, model: ManifestModel | undefined): void {
  for (const [path, file] of f.files) {
    // marketplace.rb no_symlinks
    if (file.isSymlink === true) {
      f.zendesk(
        'marketplace.rb:symlink_in_zip',
        path,
        undefined,
        'is a symbolic link; Zendesk rejects packages with links',
      )
      continue
    }
    // package.rb files: the file checks leave a top-level tmp/ folder out.
    if (path.startsWith('tmp/')) continue
    // mime.rb: a rejected extension (as written) or a rejected type found in the content.
    const ext = extensionOf(path)
    const sniffed = sniffRejectedSubtype(file.data)
    if (UNSUPPORTED_MIME_TYPES.includes(ext))
      f.zendesk(
        'mime.rb:unsupported_mime_type_detected',
        path,
        undefined,
        `.${ext} files are not allowed in an app package`,
      )
    else if (sniffed !== undefined)
      f.zendesk(
        'mime.rb:unsupported_mime_type_detected',
        path,
        undefined,
        `is a ${sniffed} file by its content; such files are not allowed in an app package`,
      )
    checkTextFiles(f, path)
  }
  checkBanner(f)
  checkSvgs(f)
  if (model === undefined) return
  checkSource(f, model)
  checkTemplates(f, model)
}
