import { checkAssets } from './checkAssets'
import { checkContents } from './checkContents'
import { checkManifest } from './checkManifest'
import { checkTranslations } from './checkTranslations'
import { Findings } from './context'
import type { PackageFiles, Problem } from './types'

/**
 * Checks a ZAF app package against Zendesk's package rules and returns every problem found
 * (errors and warnings), each naming its file and key. Never throws on bad content.
 */
export function validatePackage(files: PackageFiles): Problem[] {
  const findings = new Findings(files)
  const manifest = checkManifest(findings)
  checkTranslations(findings, manifest)
  checkAssets(findings, manifest)
  checkContents(findings)
  return findings.problems
}

/** One line per problem: `error   manifest.json › author.email: must be an email address`. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map(
      (p) =>
        `${p.severity.padEnd(7)} ${p.file}${p.key === undefined ? '' : ` › ${p.key}`}: ${p.message}`,
    )
    .join('\n')
}
