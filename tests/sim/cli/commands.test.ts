// End-to-end checks of `npm run dataset` and `npm run sim` (run as child processes through tsx, as npm does).
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')
const TSX = ['--require', require.resolve('tsx/cjs')]

describe('npm run dataset', () => {
  it('writes NDJSON pages and rejects bad arguments with exit code 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-cli-'))
    try {
      const out = path.join(dir, 'd.ndjson')
      const ok = spawnSync(
        process.execPath,
        [
          ...TSX,
          'sim/cli/dataset.ts',
          '--tickets',
          '1200',
          '--seed',
          '3',
          '--out',
          out,
          '--workers',
          '1',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      )
      expect(ok.status).toBe(0)
      const lines = readFileSync(out, 'utf8').trim().split('\n')
      expect(lines).toHaveLength(2)
      const last = JSON.parse(lines[1] ?? '{}') as { end_of_stream: boolean; count: number }
      expect(last).toMatchObject({ end_of_stream: true, count: 200 })
      const bad = spawnSync(
        process.execPath,
        [...TSX, 'sim/cli/dataset.ts', '--tickets', '0', '--out', out],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      )
      expect(bad.status).toBe(2)
      expect(bad.stderr).toContain('--tickets must be from 1 to 1000000')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('npm run sim', () => {
  let child: ChildProcessWithoutNullStreams | undefined

  afterEach(() => {
    child?.kill('SIGTERM')
  })

  it('serves the API on 127.0.0.1 and prints the base URL, admin email and token', async () => {
    const proc = spawn(
      process.execPath,
      [...TSX, 'sim/cli/serve.ts', '--port', '0', '--tickets', '300', '--plan', 'team'],
      { cwd: ROOT },
    )
    child = proc
    const banner = await new Promise<string>((resolve, reject) => {
      let text = ''
      proc.stdout.on('data', (d: Buffer) => {
        text += d.toString()
        if (text.includes('API token:')) resolve(text)
      })
      proc.on('exit', (code) => reject(new Error(`sim exited with ${String(code)}`)))
    })
    const url = /Simulated Zendesk API: (\S+)/.exec(banner)?.[1] ?? ''
    const email = /admin email: (\S+)/.exec(banner)?.[1] ?? ''
    const token = /API token:\s+(\S+)/.exec(banner)?.[1] ?? ''
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const auth = `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`
    const me = await fetch(`${url}/api/v2/users/me.json`, { headers: { Authorization: auth } })
    expect(me.status).toBe(200)
    expect(me.headers.get('x-rate-limit')).toBe('200')
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email)
    expect((await fetch(`${url}/api/v2/users/me.json`)).status).toBe(401)
    // The newest ticket is still open (closed tickets refuse updates, as on Zendesk).
    const put = await fetch(`${url}/api/v2/tickets/300.json`, {
      method: 'PUT',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ticket: { additional_tags: ['vip'] } }),
    })
    expect(((await put.json()) as { ticket: { tags: string[] } }).ticket.tags).toContain('vip')
    const state = (await (await fetch(`${url}/__sim/state`)).json()) as { requests: number }
    expect(state.requests).toBe(3)
  }, 60_000)
})
