// `npm run validate [-- DIR|FILE.zip]`: checks a built app folder (default dist/) or a package zip
// against Zendesk's app package rules, printing every problem at once. Exit 1 on any error.
import { existsSync, readFileSync, statSync } from 'node:fs'

import { readPackageDir, readPackageZip } from './package/readPackage'
import { formatProblems, validatePackage } from './package/validatePackage'

function main(): number {
  const target = process.argv[2] ?? 'dist'
  if (!existsSync(target)) {
    console.error(`validate: ${target} does not exist (run npm run build first)`)
    return 1
  }
  const files = statSync(target).isDirectory()
    ? readPackageDir(target)
    : readPackageZip(readFileSync(target))
  const problems = validatePackage(files)
  const errors = problems.filter((p) => p.severity === 'error').length
  if (problems.length > 0) console.log(formatProblems(problems))
  console.log(
    errors > 0
      ? `validate: ${target} has ${errors} error(s) and ${problems.length - errors} warning(s)`
      : `validate: ${target} is a valid Zendesk app package (${files.size} files, ${problems.length} warning(s))`,
  )
  return errors > 0 ? 1 : 0
}

process.exitCode = main()
