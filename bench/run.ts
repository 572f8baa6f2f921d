// `npm run -s bench -- [--json] [--only NAME]`: every benchmark of the project, one section per file
// in bench/sections/. Each section module exports `run(): Promise<Record<string, unknown>>`.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

type Section = { run: () => Promise<Record<string, unknown>> }

function parseArgs(argv: string[]): { json: boolean; only: string | undefined } {
  let json = false
  let only: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') json = true
    else if (arg === '--only') only = argv[++i]
    else
      throw new Error(`bench: unknown argument '${String(arg)}' (expected --json or --only NAME)`)
  }
  return { json, only }
}

async function main(): Promise<void> {
  const { json, only } = parseArgs(process.argv.slice(2))
  const dir = path.join(__dirname, 'sections')
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort()
  if (only !== undefined && !names.includes(only)) {
    throw new Error(`bench: no section '${only}' (have: ${names.join(', ') || 'none'})`)
  }
  const result: Record<string, unknown> = {}
  for (const name of names) {
    if (only !== undefined && name !== only) continue
    const mod = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as Section
    if (!json) console.error(`bench: running ${name}…`)
    result[name] = await mod.run()
  }
  console.log(JSON.stringify(result, null, json ? 0 : 2))
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
