// `npm run -s sim -- --port P --tickets N --seed S [--plan enterprise] [--faults SPEC] [--end YYYY-MM-DD]
//   [--clock-speed X] [--no-rate-limits]`: serves the simulated Zendesk API on 127.0.0.1:P.
import { FAULT_KINDS, parseFaultSpec } from '../api/faults'
import { MAX_IN_MEMORY_TICKETS } from '../account'
import { PLANS, type Plan } from '../skeleton'
import { startSimServer } from '../server'
import { DEFAULT_END_DATE, parseEndDate } from '../time'
import { parseCliArgs, parseIntArg } from './args'

const USAGE = `usage: npm run -s sim -- [--port P] [--tickets N] [--seed S] [--plan PLAN] [--faults SPEC] [--end YYYY-MM-DD] [--clock-speed X] [--rate-limits on|off]
  --port P           port on 127.0.0.1, default 4010 (0 = any free port)
  --tickets N        tickets in the account, 1 to ${MAX_IN_MEMORY_TICKETS}, default 5000
  --seed S           integer seed, default 1
  --plan PLAN        ${PLANS.join(' | ')} (rate limit 200/400/400/700/2500 per minute), default enterprise
  --faults SPEC      e.g. 429:0.05,storm:0.01:30,500:0.02,slow:0.1:2000@/api/v2/search (kinds: ${FAULT_KINDS.join(', ')})
  --end YYYY-MM-DD   last day of the generated history, default ${DEFAULT_END_DATE}
  --clock-speed X    account clock speed relative to the wall clock, default 1 (new tickets keep arriving)
  --rate-limits on|off  default on`

async function main(): Promise<void> {
  const args = parseCliArgs(
    process.argv.slice(2),
    ['port', 'tickets', 'seed', 'plan', 'faults', 'end', 'clock-speed', 'rate-limits'],
    USAGE,
  )
  if (args.help) {
    console.log(USAGE)
    return
  }
  const port = parseIntArg(args.values, 'port', 4010, 0, 65535)
  const tickets = parseIntArg(args.values, 'tickets', 5000, 1, MAX_IN_MEMORY_TICKETS)
  const seed = parseIntArg(args.values, 'seed', 1, 0, 0xffffffff)
  const planRaw = args.values.get('plan') ?? 'enterprise'
  if (!(PLANS as readonly string[]).includes(planRaw)) {
    throw new Error(`--plan must be one of ${PLANS.join(', ')}, got '${planRaw}'`)
  }
  const end = args.values.get('end') ?? DEFAULT_END_DATE
  parseEndDate(end)
  const faults = parseFaultSpec(args.values.get('faults') ?? '')
  const speedRaw = args.values.get('clock-speed') ?? '1'
  const clockSpeed = Number(speedRaw)
  if (!(clockSpeed > 0 && clockSpeed <= 10_000))
    throw new Error(`--clock-speed must be a number > 0, got '${speedRaw}'`)
  const rl = args.values.get('rate-limits') ?? 'on'
  if (rl !== 'on' && rl !== 'off') throw new Error(`--rate-limits must be on or off, got '${rl}'`)
  const server = await startSimServer({
    port,
    tickets,
    seed,
    end,
    plan: planRaw as Plan,
    faults,
    clockSpeed,
    rateLimits: rl === 'on',
  })
  console.log(`Simulated Zendesk API: ${server.url}`)
  console.log(`  admin email: ${server.account.adminEmail}`)
  console.log(`  API token:   ${server.account.apiToken}`)
  console.log(`  basic auth:  ${server.account.adminEmail}/token:${server.account.apiToken}`)
  console.log(
    `  try: curl -u '${server.account.adminEmail}/token:${server.account.apiToken}' ${server.url}/api/v2/users/me.json`,
  )
  console.log(
    `  ${tickets} tickets, seed ${seed}, plan ${planRaw}${faults.length ? `, faults ${args.values.get('faults')}` : ''}`,
  )
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(`sim: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(2)
})
