// `npm run -s kpi -- --in FILE [--events FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz Area/City] [--json]`
// Team KPIs of a dataset file (incremental export pages, one per line); see docs/metrics.md.
// With --base-url/--subdomain the pages come from the live API instead, through the same entry
// (kpi/args.ts, kpi/remoteSource.ts).
import { runProcess } from './command/run'
import { main } from './kpi/main'

runProcess(main)
