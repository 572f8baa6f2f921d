// Command-line arguments of `npm run -s kpi`: a dataset file (`--in`), or a live account
// (`--base-url`/`--subdomain`) synced into a cache file first. One argument loop for both.

import path from 'node:path'

import { TransportConfigError, resolveBaseUrl } from '@/zendesk/transport/axiosTransport'
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
  --json             print the report as JSON (shape in docs/metrics.md)

   or: npm run -s kpi -- (--base-url URL | --subdomain S) --email E [--token T] [--cache FILE] [--resume]
                         [--no-events] [--budget-share N] [--from] [--to] [--tz] [--by tier] [--retention] [--json]
  --base-url URL     the account, e.g. https://acme.zendesk.com or the simulator's http://127.0.0.1:4010
  --subdomain S      instead of --base-url: https://S.zendesk.com
  --email E          an admin's email (the incremental exports are admin-only)
  --token T          API token; default: the ZENDESK_API_TOKEN environment variable
  --cache FILE       where the synced pages go (default .kpi-cache/<host>.ndjson; events in FILE.events.ndjson)
  --resume           continue an interrupted sync from the cache instead of starting over
  --no-events        skip ticket metric events (no SLA figures; faster under the 10/min export limit)
  --budget-share N   percent of the account's rate limit to use, 1-100 (default 10)`

/** A live account to sync before the report. The token is never echoed in a message. */
export interface RemoteArgs {
  baseUrl: string
  email: string
  token: string
  cache: string
  resume: boolean
  /** False with --no-events. */
  events: boolean
  budgetShare: number
}

export interface KpiArgs {
  /** The dataset file; for a live account, its cache file (known once parsed). */
  input: string
  events: string | undefined
  /** Set when the pages come from a live account (`--base-url` or `--subdomain`). */
  remote: RemoteArgs | null
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
  switches: ['--json', '--retention', '--resume', '--no-events'],
  values: [
    ...['--in', '--events', '--from', '--to', '--tz', '--by'],
    ...['--base-url', '--subdomain', '--email', '--token', '--cache', '--budget-share'],
  ],
}

/** Flags that only mean something for a live account. */
const REMOTE_ONLY = ['--email', '--token', '--cache', '--budget-share', '--resume', '--no-events']

type Read = ReturnType<typeof readArgs>

function remoteArgs(
  { switches, values }: Read,
  env: Readonly<Record<string, string | undefined>>,
): RemoteArgs {
  for (const flag of ['--in', '--events']) {
    if (values.has(flag)) {
      throw new UsageError(
        `${flag} reads a file; it cannot be combined with --base-url/--subdomain`,
      )
    }
  }
  const baseUrlFlag = values.get('--base-url')
  const subdomain = values.get('--subdomain')
  if (baseUrlFlag !== undefined && subdomain !== undefined)
    throw new UsageError('give --base-url or --subdomain, not both')
  let baseUrl: string
  try {
    baseUrl = resolveBaseUrl(baseUrlFlag !== undefined ? { baseUrl: baseUrlFlag } : { subdomain })
  } catch (err) {
    if (err instanceof TransportConfigError) throw new UsageError(err.message)
    throw err
  }
  const email = values.get('--email')
  if (email === undefined || !email.includes('@'))
    throw new UsageError('--email E (an admin of the account) is required')
  const token = values.get('--token') ?? env.ZENDESK_API_TOKEN
  if (token === undefined || token === '')
    throw new UsageError('an API token is required: --token T or ZENDESK_API_TOKEN')
  const shareRaw = values.get('--budget-share') ?? '10'
  const budgetShare = Number(shareRaw)
  if (!(budgetShare >= 1 && budgetShare <= 100))
    throw new UsageError(`--budget-share must be a number from 1 to 100, got '${shareRaw}'`)
  const host = new URL(baseUrl).host.replace(/[^A-Za-z0-9.-]/g, '_')
  return {
    baseUrl,
    email,
    token,
    cache: values.get('--cache') ?? path.join('.kpi-cache', `${host}.ndjson`),
    resume: switches.has('--resume'),
    events: !switches.has('--no-events'),
    budgetShare,
  }
}

/**
 * Parses argv (without node and script); throws UsageError on unknown, incomplete or
 * contradictory flags, never echoing the token. `env` supplies ZENDESK_API_TOKEN.
 *
 * @example
 * parseArgs(['--in', 'demo.ndjson', '--by', 'tier'], {}).by //=> 'tier'
 * parseArgs(['--subdomain', 'acme', '--email', 'a@acme.com'], { ZENDESK_API_TOKEN: 't' }).remote?.baseUrl
 * //=> 'https://acme.zendesk.com'
 */
export function parseArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): KpiArgs {
  const read = readArgs(argv, SPEC)
  const { switches, values, help } = read
  const by = values.get('--by')
  if (by !== undefined && by !== 'tier') {
    throw new UsageError(`--by: the only split is 'tier', got '${by}'`)
  }
  const isRemote = values.has('--base-url') || values.has('--subdomain')
  const remote = isRemote && !help ? remoteArgs(read, env) : null
  if (!isRemote) {
    const given = REMOTE_ONLY.find((flag) => values.has(flag) || switches.has(flag))
    if (given !== undefined) throw new UsageError(`${given} needs --base-url or --subdomain`)
  }
  const input = remote?.cache ?? values.get('--in')
  if (!help && input === undefined) throw new UsageError('--in FILE is required')
  return {
    input: input ?? '',
    events: remote === null ? values.get('--events') : undefined,
    remote,
    from: values.get('--from'),
    to: values.get('--to'),
    timeZone: values.get('--tz') ?? 'UTC',
    by: by === undefined ? null : 'tier',
    retention: switches.has('--retention'),
    json: switches.has('--json'),
    help,
  }
}
