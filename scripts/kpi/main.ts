// `npm run -s kpi -- --in FILE [--events FILE] [--from] [--to] [--tz] [--json]`.

import { KpiEngine } from '@/core'
import type { KpiReport } from '@/core'
import { parseArgs, USAGE, UsageError } from './args'
import { formatReport } from './format'
import { ingest } from './ingest'
import { resolvePeriod } from './period'
import { DatasetFormatError, ndjsonSource } from './source'
import type { PageSource } from './source'

export interface KpiRun {
  report: KpiReport
  output: string
}

/** Reads the sources into a fresh engine and builds the report of the requested period. */
export async function runKpi(argv: readonly string[]): Promise<KpiRun | { help: string }> {
  const args = parseArgs(argv)
  if (args.help) return { help: USAGE }
  const sources: PageSource[] = [ndjsonSource(args.input)]
  if (args.events !== undefined) sources.push(ndjsonSource(args.events))
  const engine = new KpiEngine({ initialCapacity: 1 << 16 })
  for (const source of sources) await ingest(engine, source)
  const report = engine.report(resolvePeriod(engine, args))
  return { report, output: args.json ? JSON.stringify(report) : formatReport(report) }
}

/** Exit codes: 0 done, 1 input is not the dataset format or cannot be read, 2 usage error. */
export async function main(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  try {
    const run = await runKpi(argv)
    io.out('help' in run ? run.help : run.output)
    return 0
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`kpi: ${err.message}\n${USAGE}`)
      return 2
    }
    if (err instanceof DatasetFormatError) {
      io.err(`kpi: ${err.message}`)
      return 1
    }
    const e = err as NodeJS.ErrnoException
    if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
      io.err(`kpi: cannot read ${e.path ?? 'input'}: ${e.code}`)
      return 1
    }
    throw err
  }
}
