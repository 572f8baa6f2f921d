// `npm run -s kpi -- --in FILE [--events FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz Area/City] [--json]`
// Team KPIs of a dataset file (incremental export pages, one per line); see docs/metrics.md.
// With --base-url/--subdomain the pages come from the live API instead (kpi/remoteSource.ts).
import { main } from './kpi/main'
import { isRemoteArgs, remoteMain } from './kpi/remoteSource'

const argv = process.argv.slice(2)
;(isRemoteArgs(argv) ? remoteMain : main)(argv, {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
})
  .then((code) => {
    process.exitCode = code
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    process.exitCode = 1
  })
