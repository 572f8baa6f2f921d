// `npm run -s kpi -- --in FILE [--events FILE] [--from] [--to] [--tz] [--json]`.

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
import { resolvePeriod } from './period'
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

/** Reads the sources into a fresh engine and builds the report of the requested period. */
export async function runKpi(argv: readonly string[]): Promise<KpiRun | { help: string }> {
  const args = parseArgs(argv)
  if (args.help) return { help: USAGE }
  const sources: PageSource[] = [ndjsonSource(args.input)]
  if (args.events !== undefined) sources.push(ndjsonSource(args.events))
  const engine = new KpiEngine({ initialCapacity: 1 << 16 })
  for (const source of sources) await ingest(engine, source)
  const range = resolvePeriod(engine, args)
  const views = await customerViews(args, range)
  const report = engine.report(range, views.options)
  if (args.json) {
    const json =
      views.retention === null ? report : { ...report, retention: retentionJson(views.retention) }
    return { report, output: JSON.stringify(json) }
  }
  const parts = [formatReport(report)]
  if (args.by === 'tier') parts.push(formatTiers(report, views.asOf))
  if (views.retention !== null) parts.push(formatRetention(views.retention))
  return { report, output: parts.join('\n\n') }
}

/** Exit codes: 0 done, 1 input is not the dataset format or cannot be read, 2 usage error. */
export function main(argv: readonly string[], io: CommandIo): Promise<number> {
  return runCommand(
    {
      name: 'kpi',
      usage: USAGE,
      inputErrors: [DatasetFormatError],
      run: async (args) => {
        const run = await runKpi(args)
        return 'help' in run ? run.help : run.output
      },
    },
    argv,
    io,
  )
}
