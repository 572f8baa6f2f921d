// `npm run assets`: renders the Marketplace PNGs from assets/logo.svg, so the images always match
// the one designed source. logo.png is the full square tile (320×320, no rounded corners: the
// Marketplace rounds them); logo-small.png is the mark alone on a transparent background (128×128).
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { Resvg } from '@resvg/resvg-js'

const ASSETS = path.join(__dirname, '..', 'assets')

function render(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    background: 'rgba(0,0,0,0)',
  })
  return resvg.render().asPng()
}

function main(): void {
  const svg = readFileSync(path.join(ASSETS, 'logo.svg'), 'utf8')
  const mark = svg.replace(/<rect id="background"[^>]*\/>/, '')
  if (mark === svg)
    throw new Error('assets/logo.svg: no <rect id="background"/> to strip for logo-small.png')
  writeFileSync(path.join(ASSETS, 'logo.png'), render(svg, 320))
  writeFileSync(path.join(ASSETS, 'logo-small.png'), render(mark, 128))
  console.log('wrote assets/logo.png (320×320) and assets/logo-small.png (128×128)')
}

main()
