import { checkFiles } from './checkFiles'
import { checkManifest } from './checkManifest'
import { checkRequirements } from './checkRequirements'
import { checkTranslations } from './checkTranslations'
import { Findings } from './context'
import { checkMarketplaceFiles } from './marketplaceFiles'
import { checkMarketplaceManifest } from './marketplaceManifest'
import { checkMarketplaceRequirements } from './marketplaceRequirements'
import { checkMarketplaceTranslations } from './marketplaceTranslations'
import type { PackageFiles, Problem, ValidateOptions } from './types'

/**
 * Checks a ZAF app package and returns every problem found, each naming its file, key and rule.
 * Zendesk's own rules (the zendesk_apps_support gem) give the gem's verdict: errors where it
 * rejects, warnings where it warns. Our stricter Marketplace rules are warnings, or errors with
 * `{ marketplace: true }`. Never throws on bad content.
 *
 * @example
 * validatePackage(readPackageDir('dist'), { marketplace: true }).filter((p) => p.severity === 'error')
 * //=> [] for a package ready for the Marketplace
 */
export function validatePackage(files: PackageFiles, options: ValidateOptions = {}): Problem[] {
  const f = new Findings(files, options)
  const model = checkManifest(f)
  checkTranslations(f, model)
  checkRequirements(f, model)
  checkFiles(f, model)
  if (model !== undefined) checkMarketplaceManifest(f, model)
  checkMarketplaceTranslations(f, model)
  checkMarketplaceRequirements(f)
  checkMarketplaceFiles(f, model)
  return f.problems
}

/**
 * One line per problem, with its rule:
 * `error   manifest.json › author.url: must be an http(s) URL with a host, got "x" [manifest.rb:invalid_url]`.
 */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => {
      const where = `${p.file}${p.key === undefined ? '' : ` › ${p.key}`}`
      return `${p.severity.padEnd(7)} ${where}: ${p.message} [${p.rule}]`
    })
    .join('\n')
}
