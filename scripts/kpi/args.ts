// Command-line arguments of `npm run -s kpi`.

import { readArgs, UsageError } from '../command/args'

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

const SPEC = {
  switches: ['--json', '--retention'],
  values: ['--in', '--events', '--from', '--to', '--tz', '--by'],
}

/** Parses argv (without node and script); throws UsageError on unknown or incomplete flags. */
export function parseArgs(argv: readonly string[]): KpiArgs {
  const { switches, values, help } = readArgs(argv, SPEC)
  const by = values.get('--by')
  if (by !== undefined && by !== 'tier') {
    throw new UsageError(`--by: the only split is 'tier', got '${by}'`)
  }
  const input = values.get('--in')
  if (!help && input === undefined) throw new UsageError('--in FILE is required')
  return {
    input: input ?? '',
    events: values.get('--events'),
    from: values.get('--from'),
    to: values.get('--to'),
    timeZone: values.get('--tz') ?? 'UTC',
    by: by === undefined ? null : 'tier',
    retention: switches.has('--retention'),
    json: switches.has('--json'),
    help,
  }
}
