import { findDuplicateKeys } from './jsonDuplicates'
import type { PackageFiles, Problem, RuleLevel, Severity, ValidateOptions } from './types'

/** A JSON file as read: its value (undefined when it does not parse), the parse error, duplicates. */
export type ParsedJson = { value: unknown; error?: string; duplicates: string[] }

/** Collects problems while the checks run; each check reads files through it. */
export class Findings {
  readonly problems: Problem[] = []
  private readonly parsed = new Map<string, ParsedJson>()

  constructor(
    readonly files: PackageFiles,
    readonly options: ValidateOptions = {},
  ) {}

  private add(
    severity: Severity,
    level: RuleLevel,
    rule: string,
    file: string,
    key: string | undefined,
    message: string,
  ): void {
    const problem: Problem = { severity, level, rule, file, message }
    if (key !== undefined) problem.key = key
    this.problems.push(problem)
  }

  /** A rule Zendesk's validation rejects the package for; `rule` is `<gem file>:<message key>`. */
  zendesk(rule: string, file: string, key: string | undefined, message: string): void {
    this.add('error', 'zendesk', rule, file, key, message)
  }

  /** A rule Zendesk's validation only warns about. */
  zendeskWarning(rule: string, file: string, key: string | undefined, message: string): void {
    this.add('warning', 'zendesk', rule, file, key, message)
  }

  /** One of our stricter Marketplace rules: an error at the Marketplace level, else a warning. */
  marketplace(rule: string, file: string, key: string | undefined, message: string): void {
    const severity = this.options.marketplace === true ? 'error' : 'warning'
    this.add(severity, 'marketplace', `marketplace:${rule}`, file, key, message)
  }

  has(path: string): boolean {
    return this.files.has(path)
  }

  text(path: string): string | undefined {
    const file = this.files.get(path)
    return file === undefined ? undefined : new TextDecoder().decode(file.data)
  }

  /** Parses a JSON file once; callers report its errors under their own rule. */
  parse(path: string): ParsedJson | undefined {
    const cached = this.parsed.get(path)
    if (cached !== undefined) return cached
    const text = this.text(path)
    if (text === undefined) return undefined
    let result: ParsedJson
    try {
      result = { value: JSON.parse(text) as unknown, duplicates: findDuplicateKeys(text) }
    } catch (err) {
      result = { value: undefined, error: describeJsonError(err, text), duplicates: [] }
    }
    this.parsed.set(path, result)
    return result
  }
}

function describeJsonError(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err)
  const position = /position (\d+)/.exec(message)?.[1]
  if (position === undefined) return message
  const before = text.slice(0, Number(position))
  const line = before.split('\n').length
  const column = Number(position) - before.lastIndexOf('\n')
  return `${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column})`
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

/** Ruby's truthiness, which the gem's checks use: everything but nil (null/absent) and false. */
export function truthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false
}

/** A value as the gem's messages show it. */
export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value)
}

/** Ruby's file extension (File.extname without the dot): `a/b.min.js` → `js`, `.env` → ``. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot + 1)
}
