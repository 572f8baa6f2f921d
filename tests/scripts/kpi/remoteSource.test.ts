import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { writeDataset } from '@sim/export'

import { createVirtualTimer } from '@/zendesk/governor'
import { main } from '../../../scripts/kpi/main'
import { isRemoteArgs, lastCachedPage, remoteMain } from '../../../scripts/kpi/remoteSource'
import { SIM_BASE, createSimTransport } from '../../zendesk/support/simTransport'

jest.setTimeout(120_000)

const TICKETS = 300
const SEED = 4
let dir = ''

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kpi-remote-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function io() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } }
}

function simulator(options: { requireAuth?: boolean } = {}) {
  const account = createSimAccount({ tickets: TICKETS, seed: SEED })
  const core = createSimCore(account, { rateLimits: true, ...options })
  const timer = createVirtualTimer(account.clock.now(), (ms) => account.clock.advance(ms))
  const basic = (token: string) =>
    `Basic ${Buffer.from(`${account.adminEmail}/token:${token}`).toString('base64')}`
  return { account, core, timer, basic }
}

/** The `--in` report of the same seed, written by the dataset generator. */
async function localReport(): Promise<string> {
  const out = path.join(dir, 'dataset.ndjson')
  const eventsOut = path.join(dir, 'dataset.events.ndjson')
  writeDataset({ tickets: TICKETS, seed: SEED, out, eventsOut })
  const run = io()
  expect(await main(['--in', out, '--events', eventsOut, '--json'], run.io)).toBe(0)
  return run.out.join('\n')
}

describe('isRemoteArgs', () => {
  it('recognises the live-API flags', () => {
    expect(isRemoteArgs(['--base-url', 'http://x'])).toBe(true)
    expect(isRemoteArgs(['--subdomain', 'acme'])).toBe(true)
    expect(isRemoteArgs(['--in', 'file'])).toBe(false)
  })
})

describe('remoteMain', () => {
  it('syncs the simulator through the data layer and prints exactly the --in report of the same seed', async () => {
    const expected = await localReport()
    const sim = simulator({ requireAuth: true })
    const token = sim.account.apiToken
    const cache = path.join(dir, 'full.ndjson')
    const run = io()
    const code = await remoteMain(
      ['--base-url', SIM_BASE, '--email', sim.account.adminEmail, '--cache', cache, '--json'],
      run.io,
      { ZENDESK_API_TOKEN: token },
      { transport: createSimTransport(sim.core, sim.basic(token)), timer: sim.timer },
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
      remoteMain(args, io().io, {}, { transport: crashing, timer: sim.timer }),
    ).rejects.toThrow('process killed')
    const linesBefore = readFileSync(`${cache}.events.ndjson`, 'utf8').split('\n').length
    appendFileSync(`${cache}.events.ndjson`, '{"ticket_metric_events":[{"id":1,"tic')
    const resumed = createSimTransport(sim.core)
    const run = io()
    expect(
      await remoteMain([...args, '--resume'], run.io, {}, { transport: resumed, timer: sim.timer }),
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
    const code = await remoteMain(
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
      { transport: createSimTransport(sim.core, sim.basic(token)), timer: sim.timer },
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
    const code = await remoteMain(
      ['--base-url', SIM_BASE, '--email', 'a@b.c', '--token', 'secret-abc-123', '--cache', cache],
      run.io,
      {},
      { transport, timer: sim.timer },
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
  ])('refuses %p with a usage error that does not echo the token', async (argv, message) => {
    const run = io()
    expect(await remoteMain(argv, run.io, {})).toBe(2)
    expect(run.err.join('\n')).toMatch(message)
    expect(run.err.join('\n')).not.toContain('tok-secret')
  })
})
