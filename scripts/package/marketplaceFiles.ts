// Our stricter Marketplace rules for the package's files: the listing images, icons, location
// pages, and nothing that should not be uploaded. Zendesk's own file rules are in checkFiles.ts.
import type { Findings } from './context'
import { extensionOf } from './context'
import type { ManifestModel } from './manifestModel'
import {
  BANNED_EXTENSIONS,
  FORBIDDEN_FILES,
  ICON_LOCATIONS,
  MAX_SCREENSHOTS,
  SCREENSHOT_SIZES,
  SECRET_PATTERNS,
  TEXT_EXTENSIONS,
  ZAF_SDK_PATTERN,
} from './marketplaceRules'
import { readPngInfo } from './png'

const TOP_LEVEL = ['manifest.json', 'requirements.json', 'translations/', 'assets/']

function checkPng(
  f: Findings,
  file: string,
  width: number,
  height: number,
  needsAlpha: boolean,
): void {
  const data = f.files.get(file)?.data
  if (data === undefined)
    return f.marketplace(
      'logos',
      file,
      undefined,
      `is missing (the listing needs a ${width}×${height} PNG)`,
    )
  const info = readPngInfo(data, { transparency: needsAlpha })
  if ('error' in info) return f.marketplace('logos', file, undefined, info.error)
  if (info.width !== width || info.height !== height)
    f.marketplace(
      'logos',
      file,
      undefined,
      `is ${info.width}×${info.height}; it must be ${width}×${height}`,
    )
  if (needsAlpha && !info.hasTransparency)
    f.marketplace(
      'logos',
      file,
      undefined,
      'must have a transparent background (no transparent pixel found)',
    )
}

function checkSvg(f: Findings, file: string, role: string, rule = 'icons'): void {
  const text = f.text(file)
  if (text === undefined) return f.marketplace(rule, file, undefined, `is missing (${role})`)
  if (!/<svg[\s>]/.test(text)) return f.marketplace(rule, file, undefined, 'is not an SVG image')
  // Zendesk swaps an SVG with an embedded bitmap for a placeholder (svg.rb only warns).
  if (/<image[\s>]/.test(text) || /data:image\//.test(text))
    f.marketplace(
      rule,
      file,
      undefined,
      'embeds a bitmap image; Zendesk would show a placeholder instead',
    )
}

function checkScreenshots(f: Findings): void {
  const indexes = [...f.files.keys()]
    .map((p) => /^assets\/screenshot-(\d+)\.png$/.exec(p)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
  indexes.forEach((index, position) => {
    const file = `assets/screenshot-${index}.png`
    if (index !== position)
      f.marketplace(
        'screenshots',
        file,
        undefined,
        `screenshots are numbered from 0 without gaps; expected screenshot-${position}.png`,
      )
    if (index >= MAX_SCREENSHOTS)
      f.marketplace(
        'screenshots',
        file,
        undefined,
        `only ${MAX_SCREENSHOTS} screenshots are shown (0–${MAX_SCREENSHOTS - 1}); this one is dropped`,
      )
    const data = f.files.get(file)?.data
    const info =
      data === undefined ? { error: 'is missing' } : readPngInfo(data, { transparency: false })
    if ('error' in info) return f.marketplace('screenshots', file, undefined, info.error)
    if (!SCREENSHOT_SIZES.some(([w, h]) => info.width === w && info.height === h))
      f.marketplace(
        'screenshots',
        file,
        undefined,
        `is ${info.width}×${info.height}; screenshots must be 1024×768 or 2048×1536`,
      )
  })
}

function checkLocationFiles(f: Findings, model: ManifestModel): void {
  const pages = new Set<string>()
  for (const entry of model.locations) {
    // Zendesk also takes legacy PNG icon sets, or none (package.rb location_icons); a listed app ships an SVG.
    if (entry.known && (ICON_LOCATIONS[entry.product] ?? []).includes(entry.name))
      checkSvg(f, `assets/icon_${entry.name}.svg`, `the ${entry.name} location needs its icon`)
    const url = entry.options.url
    if (typeof url === 'string' && url.startsWith('assets/')) pages.add(url.split(/[?#]/)[0] ?? url)
  }
  for (const page of pages) {
    const html = f.text(page)
    if (html !== undefined && /\.html?$/.test(page) && !ZAF_SDK_PATTERN.test(html))
      f.marketplace(
        'zaf-sdk',
        page,
        undefined,
        "does not load Zendesk's ZAF SDK (zaf_sdk.min.js from static.zdassets.com)",
      )
  }
}

function checkContents(f: Findings): void {
  for (const [path, file] of f.files) {
    if (FORBIDDEN_FILES.some((re) => re.test(path))) {
      f.marketplace(
        'local-config',
        path,
        undefined,
        'holds local configuration or credentials and must not be in the package',
      )
      continue
    }
    if (path !== 'manifest.json' && path.endsWith('/manifest.json'))
      f.marketplace(
        'package-layout',
        path,
        undefined,
        'a manifest.json outside the package root (the package must be the app folder itself)',
      )
    if (!TOP_LEVEL.some((top) => path === top || path.startsWith(top)))
      f.marketplace(
        'package-layout',
        path,
        undefined,
        'is not part of a Zendesk app (manifest.json, requirements.json, translations/, assets/)',
      )
    const ext = extensionOf(path).toLowerCase()
    if (BANNED_EXTENSIONS.includes(ext))
      f.marketplace('file-types', path, undefined, `.${ext} files do not belong in an app package`)
    if (!TEXT_EXTENSIONS.includes(ext) || file.isSymlink === true) continue
    const text = f.text(path) ?? ''
    for (const { name, pattern, literal } of SECRET_PATTERNS) {
      if ((literal === undefined || text.includes(literal)) && pattern.test(text))
        f.marketplace(
          'credentials',
          path,
          undefined,
          `contains what looks like ${name}; credentials belong in secure settings`,
        )
    }
  }
}

/** Our Marketplace rules for the files: logos, screenshots, icons, location pages, stray files. */
export function checkMarketplaceFiles(f: Findings, model: ManifestModel | undefined): void {
  checkPng(f, 'assets/logo.png', 320, 320, false)
  checkPng(f, 'assets/logo-small.png', 128, 128, true)
  // The PNG logos are rendered from it (npm run assets), so it travels with them.
  checkSvg(f, 'assets/logo.svg', 'the source of the PNG logos', 'logos')
  checkScreenshots(f)
  checkContents(f)
  if (model !== undefined && !model.requirementsOnly && !model.marketingOnly)
    checkLocationFiles(f, model)
}
