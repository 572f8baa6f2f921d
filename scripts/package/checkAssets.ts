import type { ManifestSummary } from './checkManifest'
import type { Findings } from './context'
import { readPngInfo } from './png'
import { MAX_SCREENSHOTS, SCREENSHOT_SIZES, ZAF_SDK_PATTERN } from './rules'

function checkPng(
  f: Findings,
  file: string,
  width: number,
  height: number,
  needsAlpha: boolean,
): void {
  const data = f.files.get(file)?.data
  if (data === undefined)
    return f.error(file, undefined, `is missing (the Marketplace needs a ${width}×${height} PNG)`)
  const info = readPngInfo(data)
  if ('error' in info) return f.error(file, undefined, info.error)
  if (info.width !== width || info.height !== height) {
    f.error(file, undefined, `is ${info.width}×${info.height}; it must be ${width}×${height}`)
  }
  if (needsAlpha && !info.hasTransparency)
    f.error(file, undefined, 'must have a transparent background (no transparent pixel found)')
}

function checkSvg(f: Findings, file: string, role: string): void {
  const text = f.text(file)
  if (text === undefined) return f.error(file, undefined, `is missing (${role})`)
  if (!/<svg[\s>]/.test(text)) return f.error(file, undefined, 'is not an SVG image')
  // Zendesk sanitises SVGs and replaces one with an embedded bitmap by a placeholder icon.
  if (/<image[\s>]/.test(text) || /data:image\//.test(text)) {
    f.error(file, undefined, 'embeds a bitmap image; Zendesk would show a placeholder instead')
  }
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
      f.error(
        file,
        undefined,
        `screenshots are numbered from 0 without gaps; expected screenshot-${position}.png`,
      )
    if (index >= MAX_SCREENSHOTS)
      f.error(
        file,
        undefined,
        `only ${MAX_SCREENSHOTS} screenshots are shown (0–${MAX_SCREENSHOTS - 1}); this one is dropped`,
      )
    const data = f.files.get(file)?.data
    const info = data === undefined ? { error: 'missing' } : readPngInfo(data)
    if ('error' in info) return f.error(file, undefined, info.error)
    if (!SCREENSHOT_SIZES.some(([w, h]) => info.width === w && info.height === h)) {
      f.error(
        file,
        undefined,
        `is ${info.width}×${info.height}; screenshots must be 1024×768 or 2048×1536`,
      )
    }
  })
}

/** The Marketplace images, the nav-bar icon, and the SDK script in every location page. */
export function checkAssets(f: Findings, manifest: ManifestSummary): void {
  checkPng(f, 'assets/logo.png', 320, 320, false)
  checkPng(f, 'assets/logo-small.png', 128, 128, true)
  checkSvg(f, 'assets/logo.svg', 'the app logo source')
  if (manifest.hasNavBar)
    checkSvg(f, 'assets/icon_nav_bar.svg', 'the nav_bar location needs its icon')
  checkScreenshots(f)
  for (const page of new Set(manifest.locationUrls)) {
    const html = f.text(page)
    if (html !== undefined && /\.html?$/.test(page) && !ZAF_SDK_PATTERN.test(html)) {
      f.error(
        page,
        undefined,
        "does not load Zendesk's ZAF SDK (zaf_sdk.min.js from static.zdassets.com)",
      )
    }
  }
}
