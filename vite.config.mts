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

/**
 * The one page template: each location's page is this document around the body in
 * `src/entries/<location>.html`. Zendesk's official ZAF SDK comes from its CDN (it keeps up with
 * 2.0 patch releases); the local preview serves the npm zendesk_app_framework_sdk at the same URL.
 */
function locationPages(): Plugin {
  return {
    name: 'location-pages',
    transformIndexHtml: {
      // before Vite reads the page, so the body's module script is bundled as usual
      order: 'pre',
      handler: (page, { filename }) => {
        // the body file's own comment stays in the source
        const body = page
          .replace(/<!--[\s\S]*?-->/g, '')
          .trim()
          .replace(/^/gm, '    ')
        return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Retention Radar · ${path.basename(filename, '.html')}</title>
    <script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"></script>
  </head>
  <body>
${body}
  </body>
</html>
`
      },
    },
  }
}

/**
 * Starts the ticket sidebar's scripts (its entry and every chunk it imports) with V8's compile hint
 * `//# allFunctionsCalledOnLoad`: Chromium then compiles them while they download, off the main
 * thread, instead of function by function during the first render, where nearly all of that code
 * runs (docs/sidebar.md, "Glance first"). Other browsers read it as a comment.
 */
function sidebarCompileHints(): Plugin {
  return {
    name: 'sidebar-compile-hints',
    apply: 'build',
    generateBundle(_options, bundle) {
      const marked = new Set<string>()
      const mark = (file: string): void => {
        const chunk = bundle[file]
        if (chunk?.type !== 'chunk' || marked.has(file)) return
        marked.add(file)
        chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`
        chunk.imports.forEach(mark)
      }
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'ticket_sidebar') {
          mark(chunk.fileName)
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
  plugins: [locationPages(), zafPackage(), sidebarCompileHints()],
})
