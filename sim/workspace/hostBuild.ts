// Builds the workspace page (sim/workspace/host/) with Vite into tmp/workspace/<pid>/host/. It is
// the preview's own UI, not part of the app, so it never goes near dist/ or the package.
import path from 'node:path'

import { build } from 'vite'

export async function buildHostPage(options: {
  repoRoot: string
  outDir: string
}): Promise<string> {
  const hostRoot = path.join(options.repoRoot, 'sim', 'workspace', 'host')
  await build({
    configFile: false,
    root: hostRoot,
    base: '/',
    logLevel: 'warn',
    publicDir: false,
    // No module-preload polyfill: Chromium needs none, and it does not resolve when Vite runs
    // under tsx's CommonJS loader.
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      sourcemap: true,
      modulePreload: { polyfill: false },
    },
  })
  return path.resolve(options.outDir)
}
