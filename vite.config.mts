import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { defineConfig } from 'vite'
import type { Plugin } from 'vite'

const root = import.meta.dirname
const dist = path.join(root, 'dist')
const LOCATIONS = ['ticket_sidebar', 'nav_bar', 'background'] as const

/**
 * Completes Vite's output into a ZAF app folder: `dist/manifest.json`, `dist/requirements.json`
 * (the ticket field and custom object Zendesk creates on install) and `dist/translations/` beside
 * `dist/assets/` (Vite's outDir). The manifest is copied as is: its location URLs already name the
 * built pages (`assets/<location>.html`).
 */
function zafPackage(): Plugin {
  return {
    name: 'zaf-package',
    apply: 'build',
    buildStart() {
      // dist/ holds only this build: stale bundles or translations would end up in the package.
      rmSync(dist, { recursive: true, force: true })
    },
    closeBundle() {
      mkdirSync(path.join(dist, 'translations'), { recursive: true })
      const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as object
      writeFileSync(path.join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
      // Parsed first, so a broken requirements.json fails the build instead of the install.
      const requirements = JSON.parse(
        readFileSync(path.join(root, 'requirements.json'), 'utf8'),
      ) as object
      writeFileSync(
        path.join(dist, 'requirements.json'),
        `${JSON.stringify(requirements, null, 2)}\n`,
      )
      for (const file of readdirSync(path.join(root, 'translations'))) {
        if (file.endsWith('.json')) {
          copyFileSync(path.join(root, 'translations', file), path.join(dist, 'translations', file))
        }
      }
    },
  }
}

// One HTML page per ZAF location (src/entries/<location>.html → dist/assets/<location>.html),
// hashed bundles beside them, and the Marketplace images from assets/ copied as they are.
export default defineConfig({
  root: path.join(root, 'src/entries'),
  base: './',
  publicDir: path.join(root, 'assets'),
  resolve: { alias: { '@': path.join(root, 'src') } },
  build: {
    outDir: path.join(dist, 'assets'),
    emptyOutDir: true,
    assetsDir: '.',
    rollupOptions: {
      input: Object.fromEntries(
        LOCATIONS.map((location) => [location, path.join(root, `src/entries/${location}.html`)]),
      ),
      output: {
        // Language chunks keep their locale in the name; everything shared is "app".
        chunkFileNames: (chunk) =>
          /^(ca|es|ru|ro|id)$/.test(chunk.name) ? 'i18n-[name]-[hash].js' : 'app-[hash].js',
        assetFileNames: 'app-[hash][extname]',
      },
    },
  },
  plugins: [zafPackage()],
})
