/** A package as a map of `/`-separated paths (relative to the package root) to file contents. */
export type PackageFile = { data: Uint8Array; isSymlink?: boolean }
export type PackageFiles = Map<string, PackageFile>

export type Severity = 'error' | 'warning'

/**
 * Where a rule comes from. `zendesk`: Zendesk's own package validation (the zendesk_apps_support
 * gem), with the gem's verdict. `marketplace`: our stricter house rules for a Marketplace-quality
 * package, warnings unless the validator runs at the Marketplace level.
 */
export type RuleLevel = 'zendesk' | 'marketplace'

/**
 * One finding, naming the file, where it applies the key inside it, and the rule that found it
 * (`manifest.rb:invalid_url` for a gem rule, `marketplace:logo-size` for one of ours).
 */
export type Problem = {
  severity: Severity
  level: RuleLevel
  rule: string
  file: string
  key?: string
  message: string
}

export type ValidateOptions = {
  /** Run our Marketplace rules as errors (they are warnings otherwise). */
  marketplace?: boolean
}
