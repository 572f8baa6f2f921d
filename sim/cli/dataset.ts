// `npm run -s dataset -- --tickets N --seed S --out FILE [--events FILE] [--end YYYY-MM-DD] [--per-page N]`
// Writes the simulated account as NDJSON, one page of
// `GET /api/v2/incremental/tickets/cursor.json?include=metric_sets,users,organizations&per_page=1000` per line.
import { availableParallelism } from 'node:os'

import { writeDatasetParallel } from '../dataset'
import { DEFAULT_END_DATE, parseEndDate } from '../time'
import { parseCliArgs, parseIntArg } from './args'

const USAGE = `usage: npm run -s dataset -- --tickets N [--seed S] --out FILE [--events FILE] [--end YYYY-MM-DD] [--per-page N]
  --tickets N        number of tickets, 1 to 1000000 (required)
  --seed S           integer seed, default 1
  --out FILE         NDJSON output: one incremental ticket export page per line (required)
  --events FILE      also write the ticket metric event export pages to FILE
  --end YYYY-MM-DD   last day of the account, default ${DEFAULT_END_DATE}
  --per-page N       items per page, 1 to 1000, default 1000
  --workers N        worker threads rendering pages, 1 to 16, default min(2, CPUs); output is identical`

async function main(): Promise<void> {
  const args = parseCliArgs(
    process.argv.slice(2),
    ['tickets', 'seed', 'out', 'events', 'end', 'per-page', 'workers'],
    USAGE,
  )
  if (args.help) {
    console.log(USAGE)
    return
  }
  const tickets = parseIntArg(args.values, 'tickets', undefined, 1, 1_000_000)
  const seed = parseIntArg(args.values, 'seed', 1, 0, 0xffffffff)
  const perPage = parseIntArg(args.values, 'per-page', 1000, 1, 1000)
  const out = args.values.get('out')
  if (out === undefined) throw new Error(`--out FILE is required\n${USAGE}`)
  const end = args.values.get('end') ?? DEFAULT_END_DATE
  parseEndDate(end)
  const eventsOut = args.values.get('events')
  const workers = parseIntArg(args.values, 'workers', Math.min(2, availableParallelism()), 1, 16)
  const started = process.hrtime.bigint()
  const result = await writeDatasetParallel({
    workers,
    tickets,
    seed,
    end,
    perPage,
    out,
    ...(eventsOut ? { eventsOut } : {}),
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const rssMb = process.resourceUsage().maxRSS / 1024
  console.error(
    `dataset: ${result.tickets} tickets, ${result.pages} pages, ${(result.bytes / 1e6).toFixed(1)} MB → ${out}` +
      (eventsOut ? `; ${result.eventPages} event pages → ${eventsOut}` : '') +
      ` in ${(ms / 1000).toFixed(1)} s (peak RSS ${rssMb.toFixed(0)} MB)`,
  )
  if (process.env.SIM_REPORT_JSON === '1') {
    console.log(
      JSON.stringify({
        tickets: result.tickets,
        generateMs: Math.round(ms),
        peakRssMb: Math.round(rssMb),
      }),
    )
  }
}

main().catch((err: unknown) => {
  console.error(`dataset: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(2)
})
