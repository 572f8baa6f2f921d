import { existsSync, readFileSync, statSync } from 'node:fs'

import { readPackageDir, readPackageZip } from './readPackage'
import { formatProblems, validatePackage } from './validatePackage'

export const VALIDATE_USAGE = 'usage: npm run validate -- [--marketplace] [DIR|FILE.zip]'

export type CommandIo = { out: (line: string) => void; err: (line: string) => void }

/**
 * `npm run validate` without the process: validates a folder (default dist/) or a zip and prints
 * every problem, one line each. Returns the exit code: 1 on any error, 2 on bad arguments.
 *
 * @example
 * runValidate(['--marketplace', 'dist'], { out: console.log, err: console.error })
 * //=> 0 when dist/ is ready for the Marketplace
 */
export function runValidate(args: string[], io: CommandIo): number {
  const flags = args.filter((a) => a.startsWith('-'))
  const targets = args.filter((a) => !a.startsWith('-'))
  const unknown = flags.filter((a) => a !== '--marketplace')
  if (unknown.length > 0 || targets.length > 1) {
    io.err(`validate: unexpected ${[...unknown, ...targets.slice(1)].join(' ')}\n${VALIDATE_USAGE}`)
    return 2
  }
  const marketplace = flags.includes('--marketplace')
  const target = targets[0] ?? 'dist'
  if (!existsSync(target)) {
    io.err(`validate: ${target} does not exist (run npm run build first)`)
    return 1
  }
  let files
  try {
    files = statSync(target).isDirectory()
      ? readPackageDir(target)
      : readPackageZip(readFileSync(target))
  } catch (err) {
    io.err(
      `validate: ${target} is neither a folder nor a zip archive (${err instanceof Error ? err.message : String(err)})`,
    )
    return 1
  }
  const problems = validatePackage(files, { marketplace })
  const errors = problems.filter((p) => p.severity === 'error').length
  const level = marketplace ? 'Marketplace' : 'Zendesk'
  if (problems.length > 0) io.out(formatProblems(problems))
  io.out(
    errors > 0
      ? `validate: ${target} has ${errors} error(s) and ${problems.length - errors} warning(s) at the ${level} level`
      : `validate: ${target} is a valid Zendesk app package at the ${level} level (${files.size} files, ${problems.length} warning(s))`,
  )
  return errors > 0 ? 1 : 0
}
