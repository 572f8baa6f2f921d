// `npm run package`: validates dist/ at the Marketplace level (Zendesk's rules and our stricter
// ones, all as errors), writes tmp/retention-radar-<version>.zip with dist/'s
// contents at the zip root, checks the zip itself, and — only when Zendesk credentials are set —
// runs Zendesk's server-side check (`zcli apps:validate dist`), which needs an account and network.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { readPackageDir, readPackageZip } from './package/readPackage'
import { formatProblems, validatePackage } from './package/validatePackage'
import { zipPackage } from './package/zip'

const ROOT = path.join(__dirname, '..')
const DIST = path.join(ROOT, 'dist')
const CREDENTIALS = ['ZENDESK_SUBDOMAIN', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN'] as const

/** Prints the problems (warnings only the first time round) and says whether there was no error. */
function report(problems: ReturnType<typeof validatePackage>, showWarnings: boolean): boolean {
  const shown = showWarnings ? problems : problems.filter((p) => p.severity === 'error')
  if (shown.length > 0) console.log(formatProblems(shown))
  return !problems.some((p) => p.severity === 'error')
}

function main(): number {
  if (!existsSync(path.join(DIST, 'manifest.json'))) {
    console.error('package: dist/ has no manifest.json — run npm run build first')
    return 1
  }
  const files = readPackageDir(DIST)
  if (!report(validatePackage(files, { marketplace: true }), true)) {
    console.error('package: dist/ has errors at the Marketplace level; no package written')
    return 1
  }

  const { version } = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
    version: string
  }
  const zip = zipPackage(files)
  const out = path.join(ROOT, 'tmp', `retention-radar-${version}.zip`)
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, zip)
  // The zip is checked as Zendesk will unpack it; a zip that reads differently is not kept.
  if (!report(validatePackage(readPackageZip(zip), { marketplace: true }), false)) {
    rmSync(out)
    console.error(`package: ${path.relative(ROOT, out)} did not validate as dist/ did; removed it`)
    return 1
  }
  console.log(
    `package: wrote ${path.relative(ROOT, out)} (${files.size} files, ${zip.length} bytes)`,
  )

  const missing = CREDENTIALS.filter((name) => !process.env[name])
  if (missing.length > 0) {
    console.log(
      `package: Zendesk's server-side check (zcli apps:validate) was skipped: set ${missing.join(', ')} to run it`,
    )
    return 0
  }
  console.log(`package: running zcli apps:validate dist against ${process.env.ZENDESK_SUBDOMAIN}…`)
  const zcli = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'zcli'),
    ['apps:validate', 'dist'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  )
  return zcli.status ?? 1
}

process.exitCode = main()
