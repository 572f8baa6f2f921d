import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { writeDataset } from '@sim/dataset'

import { createVirtualTimer } from '@/zendesk/governor'
import { main } from '../../../scripts/kpi/main'
import { lastCachedPage } from '../../../scripts/kpi/remoteSource'
import type { RemoteSyncDeps } from '../../../scripts/kpi/remoteSource'
import { SIM_BASE, createSimTransport } from '../../zendesk/support/simTransport'

jest.setTimeout(120_000)

const TICKETS = 300
const SEED = 4
/** The equality test's account: large enough to hold customers whose only ticket is deleted. */
const PARITY = { tickets: 2000, seed: 3 }
let dir = ''

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kpi-remote-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A progress sink that keeps nothing (the progress test below reads it). */
const quiet = { write: () => undefined, isTTY: false }

function io() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } }
}

function simulator(
  options: { requireAuth?: boolean } = {},
  size = { tickets: TICKETS, seed: SEED },
) {
  const account = createSimAccount(size)
  const core = createSimCore(account, { rateLimits: true, ...options })
  const timer = createVirtualTimer(account.clock.now(), (ms) => account.clock.advance(ms))
  const basic = (token: string) =>
    `Basic ${Buffer.from(`${account.adminEmail}/token:${token}`).toString('base64')}`
  return { account, core, timer, basic }
}

/** The kpi command with a given environment and the live sync's dependencies. */
function kpi(
  argv: readonly string[],
  out: Parameters<typeof main>[1],
  env: Record<string, string | undefined>,
  remote: RemoteSyncDeps = {},
): Promise<number> {
  return main(argv, out, { env, remote })
}

/** The `--in` report of the same seed, written by the dataset generator. */
async function localReport(
  size = { tickets: TICKETS, seed: SEED },
  flags: string[] = [],
): Promise<string> {
  const out = path.join(dir, `dataset-${size.tickets}-${size.seed}.ndjson`)
  const eventsOut = path.join(dir, `dataset-${size.tickets}-${size.seed}.events.ndjson`)
  writeDataset({ ...size, out, eventsOut })
  const run = io()
  expect(await main(['--in', out, '--events', eventsOut, '--json', ...flags], run.io)).toBe(0)
  return run.out.join('\n')
}

describe('kpi --base-url', () => {
  it('syncs the simulator through the data layer and prints exactly the --in report of the same seed, retention included', async () => {
    const expected = await localReport(PARITY, ['--retention'])
    const sim = simulator({ requireAuth: true }, PARITY)
    const token = sim.account.apiToken
    const cache = path.join(dir, 'full.ndjson')
    const run = io()
    const code = await kpi(
      [
        ...['--base-url', SIM_BASE, '--email', sim.account.adminEmail],
        ...['--cache', cache, '--json', '--retention'],
      ],
      run.io,
      { ZENDESK_API_TOKEN: token },
      {
        transport: createSimTransport(sim.core, sim.basic(token)),
        timer: sim.timer,
        progress: quiet,
      },
    )
    expect(run.err).toEqual([])
    expect(code).toBe(0)
    expect(run.out.join('\n')).toBe(expected)
    // the 10/min export limit was respected on the simulated clock: no 429 at all
    expect(sim.core.log.count({ status: 429 })).toBe(0)
    for (const file of [cache, `${cache}.events.ndjson`])
      expect(readFileSync(file, 'utf8')).not.toContain(token)
  })

  it('resumes an interrupted sync (a crash mid-request and a line cut short) to the same report', async () => {
    const expected = await localReport()
    const sim = simulator()
    const cache = path.join(dir, 'resume.ndjson')
    const args = [
      '--base-url',
      SIM_BASE,
      '--email',
      sim.account.adminEmail,
      '--token',
      'tok-1234',
      '--cache',
      cache,
      '--json',
    ]
    const crashing = createSimTransport(sim.core)
    crashing.beforeSend = (_path, n) => {
      if (n === 3) throw new Error('process killed')
    }
    await expect(
      kpi(args, io().io, {}, { transport: crashing, timer: sim.timer, progress: quiet }),
    ).rejects.toThrow('process killed')
    const linesBefore = readFileSync(`${cache}.events.ndjson`, 'utf8').split('\n').length
    appendFileSync(`${cache}.events.ndjson`, '{"ticket_metric_events":[{"id":1,"tic')
    const resumed = createSimTransport(sim.core)
    const run = io()
    expect(
      await kpi(
        [...args, '--resume'],
        run.io,
        {},
        { transport: resumed, timer: sim.timer, progress: quiet },
      ),
    ).toBe(0)
    expect(run.out.join('\n')).toBe(expected)
    // nothing already cached was fetched again: the ticket page and 1 event page were done
    const eventLines = readFileSync(`${cache}.events.ndjson`, 'utf8').trim().split('\n')
    expect(eventLines.length).toBeGreaterThanOrEqual(linesBefore - 1)
    expect(resumed.sent).toBe(eventLines.length - 1)
  })

  it('drops a cut-off last line and keeps the complete pages before it', () => {
    const file = path.join(dir, 'cut.ndjson')
    rmSync(file, { force: true })
    appendFileSync(
      file,
      '{"after_cursor":"a","end_of_stream":false}\n{"after_cursor":"b","end_of_stream":false}\n{"after_cur',
    )
    expect(lastCachedPage(file)).toEqual({ after_cursor: 'b', end_of_stream: false })
    expect(readFileSync(file, 'utf8').endsWith('false}\n')).toBe(true)
    appendFileSync(file, 'not json\n')
    expect(lastCachedPage(file)).toEqual({ after_cursor: 'b', end_of_stream: false })
  })

  it('fails clearly without the token anywhere when the credentials are wrong', async () => {
    const sim = simulator({ requireAuth: true })
    const token = 'wrong-token-98765'
    const cache = path.join(dir, 'unauth.ndjson')
    const run = io()
    const code = await kpi(
      [
        '--base-url',
        SIM_BASE,
        '--email',
        sim.account.adminEmail,
        '--token',
        token,
        '--cache',
        cache,
      ],
      run.io,
      {},
      {
        transport: createSimTransport(sim.core, sim.basic(token)),
        timer: sim.timer,
        progress: quiet,
      },
    )
    expect(code).toBe(1)
    expect(run.err.join('\n')).toMatch(
      /not authenticated \(HTTP 401\).*check --email and the token/,
    )
    expect(run.err.join('\n') + run.out.join('\n')).not.toContain(token)
    expect(readFileSync(cache, { encoding: 'utf8', flag: 'a+' })).toBe('')
  })

  it('ends a sync the server keeps failing with a clear error and keeps the pages it has', async () => {
    const sim = simulator()
    const cache = path.join(dir, 'failing.ndjson')
    const transport = createSimTransport(sim.core)
    transport.beforeSend = (_p, n) => {
      if (n === 3) sim.core.faults.setRules('500:1')
    }
    const run = io()
    const code = await kpi(
      ['--base-url', SIM_BASE, '--email', 'a@b.c', '--token', 'secret-abc-123', '--cache', cache],
      run.io,
      {},
      { transport, timer: sim.timer, progress: quiet },
    )
    expect(code).toBe(1)
    expect(run.err.join('\n')).toContain(
      'GET /api/v2/incremental/ticket_metric_events.json: server error (HTTP 500)',
    )
    expect(run.err.join('\n')).toContain('--resume')
    expect(run.err.join('\n')).not.toContain('secret-abc-123')
    expect(readFileSync(`${cache}.events.ndjson`, 'utf8').trim().split('\n')).toHaveLength(1)
  })

  it.each([
    [['--base-url', 'http://x.test', '--email', 'a@b.c'], /API token is required/],
    [
      [
        '--base-url',
        'http://x.test',
        '--subdomain',
        'x',
        '--email',
        'a@b.c',
        '--token',
        'tok-secret',
      ],
      /not both/,
    ],
    [['--subdomain', 'bad_name', '--email', 'a@b.c', '--token', 'tok-secret'], /subdomain/],
    [['--base-url', 'http://x.test', '--token', 'tok-secret'], /--email/],
    [
      ['--base-url', 'http://x.test', '--email', 'a@b.c', '--token', 'tok-secret', '--in', 'f'],
      /cannot be combined/,
    ],
    [['--in', 'f', '--token', 'tok-secret'], /--token needs --base-url or --subdomain/],
    [['--base-url', 'http://x.test', '--token', 'tok-secret', 'tok-secret'], /argument '\*\*\*'/],
    [['--in', 'f', '--resume'], /--resume needs --base-url or --subdomain/],
    [
      [
        '--base-url',
        'http://x.test',
        '--email',
        'a@b.c',
        '--token',
        'tok-secret',
        '--budget-share',
        '0',
      ],
      /--budget-share must be a number from 1 to 100, got '0'/,
    ],
  ])('refuses %p with a usage error that does not echo the token', async (argv, message) => {
    const run = io()
    expect(await kpi(argv, run.io, {})).toBe(2)
    expect(run.err.join('\n')).toMatch(message)
    expect(run.err.join('\n')).not.toContain('tok-secret')
  })

  it('prints the readable report with agents and groups by name (groups sideloaded), and --retention', async () => {
    const sim = simulator()
    const run = io()
    const argv = ['--base-url', SIM_BASE, '--email', sim.account.adminEmail, '--token', 'tok-4321']
    const cache = path.join(dir, 'names.ndjson')
    const code = await kpi(
      [...argv, '--cache', cache, '--no-events', '--retention'],
      run.io,
      {},
      { transport: createSimTransport(sim.core), timer: sim.timer, progress: quiet },
    )
    expect(run.err).toEqual([])
    expect(code).toBe(0)
    const out = run.out.join('\n')
    const labels = (title: string): string[] => {
      const lines = out.split('\n')
      const rows = lines.slice(lines.findIndex((l) => l.startsWith(title)) + 1)
      return rows.slice(0, rows.indexOf('')).map((l) => l.replace(/ +solved.*$/, '').trim())
    }
    const groups = labels('Groups').filter((l) => l !== 'no group')
    expect(groups.length).toBeGreaterThan(0)
    expect(groups.every((l) => /^(Tier 1|Billing|Enterprise)$/.test(l))).toBe(true)
    const agents = labels('Agents').filter((l) => l !== 'unassigned')
    expect(agents.length).toBeGreaterThan(0)
    expect(agents.some((l) => /^\d+$/.test(l))).toBe(false)
    expect(out).toContain('Retention as of ')
  })

  it('hides the token in an error it does not expect, too', async () => {
    const sim = simulator()
    const leaking = createSimTransport(sim.core)
    leaking.beforeSend = () => {
      throw new Error('socket closed while sending tok-leak-5678')
    }
    const argv = ['--base-url', SIM_BASE, '--email', 'a@b.c', '--token', 'tok-leak-5678']
    const failed = kpi(
      [...argv, '--cache', path.join(dir, 'leak.ndjson')],
      io().io,
      {},
      {
        transport: leaking,
        timer: sim.timer,
        progress: quiet,
      },
    )
    await expect(failed).rejects.toThrow('socket closed while sending ***')
  })

  it('prints the usage for --help with the live-account flags', async () => {
    const run = io()
    expect(await kpi(['--base-url', 'http://x.test', '--help'], run.io, {})).toBe(0)
    expect(run.out.join('\n')).toContain('--base-url URL')
    expect(run.out.join('\n')).toContain('--in FILE')
  })

  it('shows pages, tickets and time left on stderr (a line every 30 s in a log), stdout is the report only', async () => {
    const account = createSimAccount({ tickets: 4000, seed: SEED })
    const core = createSimCore(account, { rateLimits: true })
    const timer = createVirtualTimer(account.clock.now(), (ms) => account.clock.advance(ms))
    const argv = ['--base-url', SIM_BASE, '--email', account.adminEmail, '--token', 'tok-9876']
    const logged: { at: number; text: string }[] = []
    const run = io()
    const cache = path.join(dir, 'progress.ndjson')
    const code = await kpi(
      [...argv, '--cache', cache, '--json'],
      run.io,
      {},
      {
        transport: createSimTransport(core),
        timer,
        progress: { write: (text) => logged.push({ at: timer.now(), text }), isTTY: false },
      },
    )
    expect(code).toBe(0)
    expect(() => JSON.parse(run.out.join('\n')) as unknown).not.toThrow()
    expect(run.out.join('\n')).not.toContain('kpi: syncing')
    expect(logged.length).toBeGreaterThanOrEqual(3)
    expect(logged.every((l) => l.text.endsWith('\n') && !l.text.includes('\r'))).toBe(true)
    expect(logged[0]!.text).toMatch(
      /^kpi: syncing tickets: 1 pages, 1,000 tickets, (about \S+.* left|estimating time left)\n$/,
    )
    // a line every 30 s of (simulated) time at most, then the last state
    logged
      .slice(1, -1)
      .forEach((l, i) => expect(l.at - logged[i]!.at).toBeGreaterThanOrEqual(30_000))
    expect(logged.at(-1)!.text).toMatch(
      /^kpi: syncing SLA events: \d+ pages \(4,\d{3} tickets synced\)\n$/,
    )
    expect(logged.some((l) => /about \d+m \d{2}s left|about \d+s left/.test(l.text))).toBe(true)

    // on a terminal: one live line rewritten in place, ended by a newline
    const live: string[] = []
    const again = await kpi(
      [...argv, '--cache', path.join(dir, 'progress-tty.ndjson'), '--json', '--no-events'],
      io().io,
      {},
      {
        transport: createSimTransport(core),
        timer,
        progress: { write: (t) => live.push(t), isTTY: true },
      },
    )
    expect(again).toBe(0)
    expect(live.length).toBeGreaterThanOrEqual(4)
    expect(live.slice(0, -1).every((t) => t.startsWith('\rkpi: syncing tickets: '))).toBe(true)
    expect(live.at(-2)).toContain('about 0s left')
    expect(live.at(-1)).toBe('\n')
  })
})
