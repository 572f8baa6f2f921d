import { findDuplicateKeys } from './jsonDuplicates'
import type { PackageFiles, Problem, Severity } from './types'

/** Collects problems while the checks run; each check reads files through it. */
export class Findings {
  readonly problems: Problem[] = []

  constructor(readonly files: PackageFiles) {}

  add(severity: Severity, file: string, key: string | undefined, message: string): void {
    this.problems.push(
      key === undefined ? { severity, file, message } : { severity, file, key, message },
    )
  }

  error(file: string, key: string | undefined, message: string): void {
    this.add('error', file, key, message)
  }

  warn(file: string, key: string | undefined, message: string): void {
    this.add('warning', file, key, message)
  }

  has(path: string): boolean {
    return this.files.has(path)
  }

  text(path: string): string | undefined {
    const file = this.files.get(path)
    return file === undefined ? undefined : new TextDecoder().decode(file.data)
  }

  /** Parses a JSON file, reporting bad JSON (with line and column) and duplicate keys. */
  json(path: string): unknown {
    const text = this.text(path)
    if (text === undefined) return undefined
    try {
      const value: unknown = JSON.parse(text)
      for (const key of findDuplicateKeys(text)) this.error(path, key, 'key appears more than once')
      return value
    } catch (err) {
      this.error(path, undefined, `is not valid JSON: ${describeJsonError(err, text)}`)
      return undefined
    }
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

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}
