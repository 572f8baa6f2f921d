// `npm run -s kpi -- --in FILE [--events FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz Area/City] [--json]`
// Team KPIs of a dataset file (incremental export pages, one per line); see docs/metrics.md.
// With --base-url/--subdomain the pages come from the live API instead (kpi/remoteSource.ts).
import { runProcess } from './command/run'
import { main } from './kpi/main'
import { isRemoteArgs, remoteMain } from './kpi/remoteSource'

runProcess((argv, io) => (isRemoteArgs(argv) ? remoteMain : main)(argv, io))
