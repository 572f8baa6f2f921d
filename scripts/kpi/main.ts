// `npm run -s kpi -- --in FILE | --base-url URL ...` (flags in args.ts): team KPIs of a dataset
// file, or of a live account synced into a cache file first (remoteSource.ts).

import { KpiEngine, retentionForRange, tierSegments, valueModelSettings } from '@/core'
import type { KpiReport, ReportOptions, ReportRange, RetentionRangeReport } from '@/core'
import { DEFAULT_SETTINGS } from '@/zendesk/settings'
import { loadDataset } from '../score/load'
import { runCommand } from '../command/run'
import type { CommandIo } from '../command/run'
import { parseArgs, USAGE } from './args'
import type { KpiArgs } from './args'
import { formatReport, formatRetention, formatTiers, retentionJson } from './format'
import { ingest } from './ingest'
import { emptyNames } from './names'
import { resolvePeriod } from './period'
import { SyncError, syncForReport } from './remoteSource'
import type { RemoteSyncDeps } from './remoteSource'
import { DatasetFormatError, ndjsonSource } from './source'
import type { PageSource } from './source'

export interface KpiRun {
  report: KpiReport
  output: string
}

/** Tier split and retention views, from the dataset's customers (read only when asked for). */
async function customerViews(
  args: KpiArgs,
  range: ReportRange,
): Promise<{ options: ReportOptions; retention: RetentionRangeReport | null; asOf: string }> {
  if (args.by === null && !args.retention) return { options: {}, retention: null, asOf: '' }
  const data = await loadDataset(ndjsonSource(args.input))
  // the app's defaults, so the split equals the dashboard's on an account with default settings
  const settings = valueModelSettings(DEFAULT_SETTINGS)
  const input = { profiles: data.profiles.values(), tickets: data.tickets, range, settings }
  const tiers = args.by === 'tier' ? tierSegments(input) : null
  return {
    options: tiers === null ? {} : { segments: tiers },
    retention: args.retention
      ? retentionForRange({ ...input, profiles: data.profiles.values() })
      : null,
    asOf: tiers === null ? '' : new Date(tiers.asOf).toISOString(),
  }
}

/**
 * Reads the files of `args` (`input`, and `events` when set) into a fresh engine and builds the
 * report of the requested period: JSON, or the readable report with agents and groups by name.
 */
export async function runKpi(args: KpiArgs): Promise<KpiRun> {
  const sources: PageSource[] = [ndjsonSource(args.input)]
  if (args.events !== undefined) sources.push(ndjsonSource(args.events))
  const engine = new KpiEngine({ initialCapacity: 1 << 16 })
  // names only for the readable report: the JSON keeps ids
  const names = args.json ? undefined : emptyNames()
  for (const source of sources) await ingest(engine, source, names)
  const range = resolvePeriod(engine, args)
  const views = await customerViews(args, range)
  const report = engine.report(range, views.options)
  if (args.json) {
    const json =
      views.retention === null ? report : { ...report, retention: retentionJson(views.retention) }
    return { report, output: JSON.stringify(json) }
  }
  const parts = [formatReport(report, names)]
  if (args.by === 'tier') parts.push(formatTiers(report, views.asOf))
  if (views.retention !== null) parts.push(formatRetention(views.retention))
  return { report, output: parts.join('\n\n') }
}

export interface KpiOptions {
  /** Where ZENDESK_API_TOKEN is read from (default: the process's environment). */
  env?: Readonly<Record<string, string | undefined>>
  /** The live sync's transport, timer and progress sink (tests pass the simulator). */
  remote?: RemoteSyncDeps
}

/**
 * Exit codes: 0 done; 1 the input is not the dataset format or cannot be read, or the live sync
 * failed (the pages it cached stay for --resume); 2 usage error. The API token never appears in
 * a message.
 *
 * @example
 * await main(['--in', 'demo.ndjson', '--json'], io) //=> 0
 */
export function main(
  argv: readonly string[],
  io: CommandIo,
  options: KpiOptions = {},
): Promise<number> {
  return runCommand(
    {
      name: 'kpi',
      usage: USAGE,
      inputErrors: [DatasetFormatError, SyncError],
      run: async (argv, context) => {
        const env = options.env ?? process.env
        // hidden before the flags are read, so not even a usage error can show the token
        const flag = argv.indexOf('--token')
        for (const token of [flag >= 0 ? argv[flag + 1] : undefined, env.ZENDESK_API_TOKEN]) {
          if (token !== undefined) context.secret(token)
        }
        const args = parseArgs(argv, env)
        if (args.help) return USAGE
        if (args.remote !== null) {
          context.secret(args.remote.token)
          args.events = await syncForReport(args.remote, options.remote)
        }
        return (await runKpi(args)).output
      },
    },
    argv,
    io,
  )
}
