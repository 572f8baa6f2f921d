// `npm start`: builds the app, then serves the local agent workspace on the demo account
// (docs/workspace.md). PORT changes the port (default 4400), APPS_PORT the apps origin's port
// (default: any free one); --tickets/--seed/--end change the account; --no-build reuses dist/.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { DEFAULT_PORT, DEMO_ACCOUNT, startWorkspace } from '../sim/workspace/server'

type StartArgs = { tickets: number; seed: number; end: string; build: boolean; port: number }

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): StartArgs {
  const args: StartArgs = {
    tickets: DEMO_ACCOUNT.tickets,
    seed: DEMO_ACCOUNT.seed,
    end: DEMO_ACCOUNT.end,
    build: true,
    port: env.PORT === undefined || env.PORT === '' ? DEFAULT_PORT : Number(env.PORT),
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--tickets') args.tickets = Number(value())
    else if (arg === '--seed') args.seed = Number(value())
    else if (arg === '--end') args.end = value()
    else if (arg === '--no-build') args.build = false
    else
      throw new Error(
        `unknown option ${arg} (use --tickets N, --seed S, --end YYYY-MM-DD, --no-build)`,
      )
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    throw new Error(`PORT must be a port number (got ${env.PORT})`)
  }
  return args
}

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..')
  const args = parseArgs(process.argv.slice(2), process.env)
  // Stopped while starting: exit at once (zcli is stopped by its exit hook, see zcli.ts).
  const abort = () => process.exit(130)
  process.once('SIGINT', abort)
  process.once('SIGTERM', abort)
  if (args.build) {
    console.log('Building the app (npm run build)…')
    const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit' })
    if (result.status !== 0) process.exit(result.status ?? 1)
  }
  console.log(
    `Starting the simulated account: ${args.tickets.toLocaleString('en')} tickets, seed ${args.seed}, ending ${args.end}…`,
  )
  const workspace = await startWorkspace({
    repoRoot,
    port: args.port,
    // APPS_PORT fixes the apps origin's port (e.g. to forward it with PORT over SSH).
    appsPort: process.env.APPS_PORT ? Number(process.env.APPS_PORT) : 0,
    tickets: args.tickets,
    seed: args.seed,
    end: args.end,
    log: (line) => {
      if (process.env.WORKSPACE_VERBOSE === '1') console.log(line)
    },
  })
  console.log('')
  console.log(`Retention Radar local agent workspace: ${workspace.url}/`)
  console.log(`  ticket:    ${workspace.url}/?ticket=1`)
  console.log(`  dashboard: ${workspace.url}/?nav=1`)
  console.log(`  roles:     &role=admin | &role=lead | &role=agent`)
  console.log(
    `  (apps served by zcli apps:server ${workspace.zcliUrl} through ${workspace.appsUrl})`,
  )
  console.log('Press Ctrl+C to stop.')
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void workspace.close().then(() => process.exit(0))
  }
  process.removeListener('SIGINT', abort)
  process.removeListener('SIGTERM', abort)
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(`npm start: ${(err as Error).message}`)
  process.exit(1)
})
