// Command-line arguments of `npm run -s kpi`.

export const USAGE = `usage: npm run -s kpi -- --in FILE [--events FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz Area/City] [--by tier] [--retention] [--json]
  --in FILE          dataset: incremental ticket export pages, one per line (npm run dataset)
  --events FILE      ticket metric event pages, one per line (SLA achievement); optional
  --from YYYY-MM-DD  first day of the period (local, inclusive); default: 28 days before --to
  --to YYYY-MM-DD    end of the period (local, exclusive); default: the day after the latest
                     creation or solve in the data
  --tz Area/City     IANA time zone for days, weekdays and hours; default UTC
  --by tier          split the period by the requesters' VIP tier (platinum, gold, silver,
                     standard) as of the end of the period, with the app's default settings
  --retention        add the retention views as of the end of the period (customer retention,
                     by channel, by resolution time, by agent, top customers, revenue at risk)
  --json             print the report as JSON (shape in docs/metrics.md)`

export interface KpiArgs {
  input: string
  events: string | undefined
  from: string | undefined
  to: string | undefined
  timeZone: string
  /** Split by requester tier; null for no split. */
  by: 'tier' | null
  retention: boolean
  json: boolean
  help: boolean
}

/** A usage mistake: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

const VALUE_FLAGS = new Map([
  ['--in', 'input'],
  ['--events', 'events'],
  ['--from', 'from'],
  ['--to', 'to'],
  ['--tz', 'timeZone'],
] as const)

/** Parses argv (without node and script); throws UsageError on unknown or incomplete flags. */
export function parseArgs(argv: readonly string[]): KpiArgs {
  const values: Partial<Record<'input' | 'events' | 'from' | 'to' | 'timeZone', string>> = {}
  let json = false
  let help = false
  let by: 'tier' | null = null
  let retention = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--json') json = true
    else if (arg === '--help' || arg === '-h') help = true
    else if (arg === '--retention') retention = true
    else if (arg === '--by') {
      const value = argv[++i]
      if (value === undefined || value.startsWith('--')) throw new UsageError('--by needs a value')
      if (value !== 'tier') throw new UsageError(`--by: the only split is 'tier', got '${value}'`)
      by = value
    } else {
      const key = VALUE_FLAGS.get(arg as never)
      if (key === undefined) throw new UsageError(`unknown argument '${arg}'`)
      const value = argv[++i]
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${arg} needs a value`)
      values[key] = value
    }
  }
  if (!help && values.input === undefined) throw new UsageError('--in FILE is required')
  return {
    input: values.input ?? '',
    events: values.events,
    from: values.from,
    to: values.to,
    timeZone: values.timeZone ?? 'UTC',
    by,
    retention,
    json,
    help,
  }
}
