// The sidebar benchmark's baseline page: bench/sidebar/emptySidebar.html (Garden's theme and one
// Garden component after the ZAF registration, no data) built with Vite and put beside the app's
// built pages in a copy of dist/, so the workspace serves both from the same apps origin through the
// same zcli server. The copy lives under the benchmark's temporary folder: dist/ and the app package
// never hold the baseline page.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** The baseline page's file name in the staged assets folder. */
export const EMPTY_SIDEBAR_PAGE = 'emptySidebar.html'

/**
 * Builds the empty sidebar into `<workDir>/empty` and stages `<workDir>/dist`: dist/ as built plus
 * the empty page and its bundles in `assets/`. Returns the staged dist folder.
 *
 * @example
 * const distDir = await stageEmptySidebar(ROOT, path.join(ROOT, 'tmp', 'bench-sidebar'))
 * await startWorkspace({ repoRoot: ROOT, distDir })
 */
export async function stageEmptySidebar(repoRoot: string, workDir: string): Promise<string> {
  const built = path.join(workDir, 'empty')
  const { build } = await import('vite')
  await build({
    configFile: false,
    logLevel: 'silent',
    root: __dirname,
    base: './',
    publicDir: false,
    resolve: { alias: { '@': path.join(repoRoot, 'src') } },
    build: {
      outDir: built,
      emptyOutDir: true,
      assetsDir: '.',
      rollupOptions: {
        input: { emptySidebar: path.join(__dirname, EMPTY_SIDEBAR_PAGE) },
        // A prefix of its own, so no bundle of the app's build is overwritten.
        output: {
          entryFileNames: 'bench-empty-[hash].js',
          chunkFileNames: 'bench-empty-chunk-[hash].js',
          assetFileNames: 'bench-empty-[hash][extname]',
        },
      },
    },
  })
  const distDir = path.join(workDir, 'dist')
  cpSync(path.join(repoRoot, 'dist'), distDir, { recursive: true, dereference: true })
  const assets = path.join(distDir, 'assets')
  mkdirSync(assets, { recursive: true })
  for (const file of readdirSync(built)) {
    const target = path.join(assets, file)
    if (existsSync(target)) throw new Error(`bench sidebar: ${file} is already in dist/assets`)
    cpSync(path.join(built, file), target)
  }
  if (!existsSync(path.join(assets, EMPTY_SIDEBAR_PAGE))) {
    throw new Error(`bench sidebar: the Vite build made no ${EMPTY_SIDEBAR_PAGE} in ${built}`)
  }
  return distDir
}
