// `sim` bench section: generate the 1,000,000-ticket dataset (`npm run -s dataset`) to a temp file in a
// child process and report its wall time and peak resident memory (the child's own
// `process.resourceUsage().maxRSS`, which covers its worker threads). Targets: < 60 s, < 1 GB.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const TICKETS = Number(process.env.SIM_BENCH_TICKETS ?? 1_000_000)

type Report = { tickets: number; generateMs: number; peakRssMb: number }

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-bench-'))
  const out = path.join(dir, 'tickets.ndjson')
  const root = path.resolve(__dirname, '../..')
  try {
    const report = await new Promise<Report>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--require',
          require.resolve('tsx/cjs'),
          path.join(root, 'sim/cli/dataset.ts'),
          '--tickets',
          String(TICKETS),
          '--seed',
          '1',
          '--out',
          out,
        ],
        {
          cwd: root,
          env: { ...process.env, SIM_REPORT_JSON: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.on('error', reject)
      child.on('close', (code) => {
        if (code !== 0) {
          reject(new Error(`sim bench: dataset exited with ${code}: ${stderr.trim()}`))
          return
        }
        try {
          resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Report)
        } catch {
          reject(new Error(`sim bench: unexpected dataset output: ${stdout}`))
        }
      })
    })
    return { tickets: report.tickets, generateMs: report.generateMs, peakRssMb: report.peakRssMb }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
