// `npm run validate [-- --marketplace] [DIR|FILE.zip]`: checks a built app folder (default dist/)
// or a package zip against Zendesk's package rules (the zendesk_apps_support gem's verdict) and our
// stricter Marketplace rules, printing every problem at once. The Marketplace rules are warnings,
// or errors with --marketplace. Exit 1 on any error, 2 on bad arguments.
import { existsSync, readFileSync, statSync } from 'node:fs'

import { readPackageDir, readPackageZip } from './package/readPackage'
import { formatProblems, validatePackage } from './package/validatePackage'

const USAGE = 'usage: npm run validate -- [--marketplace] [DIR|FILE.zip]'

function main(args: string[]): number {
  const flags = args.filter((a) => a.startsWith('-'))
  const targets = args.filter((a) => !a.startsWith('-'))
  const unknown = flags.filter((a) => a !== '--marketplace')
  if (unknown.length > 0 || targets.length > 1) {
    console.error(`validate: unexpected ${[...unknown, ...targets.slice(1)].join(' ')}\n${USAGE}`)
    return 2
  }
  const marketplace = flags.includes('--marketplace')
  const target = targets[0] ?? 'dist'
  if (!existsSync(target)) {
    console.error(`validate: ${target} does not exist (run npm run build first)`)
    return 1
  }
  const files = statSync(target).isDirectory()
    ? readPackageDir(target)
    : readPackageZip(readFileSync(target))
  const problems = validatePackage(files, { marketplace })
  const errors = problems.filter((p) => p.severity === 'error').length
  const level = marketplace ? 'Marketplace' : 'Zendesk'
  if (problems.length > 0) console.log(formatProblems(problems))
  console.log(
    errors > 0
      ? `validate: ${target} has ${errors} error(s) and ${problems.length - errors} warning(s) at the ${level} level`
      : `validate: ${target} is a valid Zendesk app package at the ${level} level (${files.size} files, ${problems.length} warning(s))`,
  )
  return errors > 0 ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
