// `npm run -s kpi -- --in FILE [--events FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz Area/City] [--json]`
// Team KPIs of a dataset file (incremental export pages, one per line); see docs/metrics.md.
import { main } from './kpi/main'

main(process.argv.slice(2), {
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
