// Minimal strict `--name value` parser shared by the simulator commands: unknown flags, missing values
// and malformed numbers are errors with the usage text.

export type ParsedArgs = { values: Map<string, string>; help: boolean }

export function parseCliArgs(
  argv: readonly string[],
  allowed: readonly string[],
  usage: string,
): ParsedArgs {
  const values = new Map<string, string>()
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--help' || arg === '-h') {
      help = true
      continue
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument '${arg}'\n${usage}`)
    const eq = arg.indexOf('=')
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
    if (!allowed.includes(name)) throw new Error(`unknown option '--${name}'\n${usage}`)
    let value: string | undefined
    if (eq >= 0) value = arg.slice(eq + 1)
    else {
      value = argv[i + 1]
      i++
    }
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new Error(`option '--${name}' needs a value\n${usage}`)
    }
    values.set(name, value)
  }
  return { values, help }
}

export function parseIntArg(
  values: Map<string, string>,
  name: string,
  fallback: number | undefined,
  min: number,
  max: number,
): number {
  const raw = values.get(name)
  if (raw === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`)
    return fallback
  }
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be an integer, got '${raw}'`)
  const n = Number(raw)
  if (n < min || n > max) throw new Error(`--${name} must be from ${min} to ${max}, got ${raw}`)
  return n
}
