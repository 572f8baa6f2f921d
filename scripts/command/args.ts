// The argument loop shared by the `kpi` and `score` commands: switches, flags that take a value,
// `--help`/`-h`, and the same usage errors in the same words.

/** A usage mistake: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export interface ArgSpec {
  /** Flags that stand alone, e.g. `--json`. */
  switches: readonly string[]
  /** Flags followed by a value, e.g. `--in FILE`. */
  values: readonly string[]
}

export interface ReadArgs {
  /** The switches given. */
  switches: Set<string>
  /** Each value flag given, with its value (the last one wins). */
  values: Map<string, string>
  help: boolean
}

/**
 * Reads argv (without node and script) against a spec; throws UsageError on an unknown flag or a
 * value flag without its value (a missing value, or the next flag in its place).
 *
 * @example
 * readArgs(['--in', 'a.ndjson', '--json'], { switches: ['--json'], values: ['--in'] })
 * //=> { switches: Set{'--json'}, values: Map{'--in' => 'a.ndjson'}, help: false }
 */
export function readArgs(argv: readonly string[], spec: ArgSpec): ReadArgs {
  const switches = new Set<string>()
  const values = new Map<string, string>()
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') help = true
    else if (spec.switches.includes(arg)) switches.add(arg)
    else if (spec.values.includes(arg)) {
      const value = argv[++i]
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(`${arg} needs a value`)
      }
      values.set(arg, value)
    } else throw new UsageError(`unknown argument '${arg}'`)
  }
  return { switches, values, help }
}
