import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { CHANNELS, VIP_TIERS } from '@/core'
import type { KpiReport } from '@/core'
import { writeDataset } from '@sim/dataset'
import { main } from '../../scripts/kpi/main'
import {
  exportPage,
  metricEventsPage,
  zendeskMetricSet,
  zendeskTicket,
} from '../support/fixtures/ticketBuilder'

let dir: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kpi-test-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, lines: unknown[], raw = false): string {
  const p = path.join(dir, name)
  writeFileSync(p, lines.map((l) => (raw ? String(l) : JSON.stringify(l))).join('\n') + '\n')
  return p
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

const solved = (id: number, created: string, solvedAt: string, replies: number) => ({
  ticket: zendeskTicket({
    id,
    status: 'solved',
    created_at: created,
    updated_at: solvedAt,
    generated_timestamp: Date.parse(solvedAt) / 1000,
    satisfaction_rating: { score: 'good' },
  }),
  metrics: zendeskMetricSet(id, {
    solved_at: solvedAt,
    replies,
    full_resolution_time_in_minutes: { calendar: id * 100, business: id * 10 },
  }),
})

describe('kpi command', () => {
  it('prints the report as JSON in the documented shape', async () => {
    const a = solved(1, '2024-03-04T09:00:00Z', '2024-03-05T09:00:00Z', 1)
    const b = solved(2, '2024-03-04T10:00:00Z', '2024-03-06T09:00:00Z', 3)
    const input = file('good.ndjson', [
      exportPage([a.ticket], [a.metrics]),
      exportPage([b.ticket], [b.metrics], true),
    ])
    const { code, out } = await run([
      '--in',
      input,
      '--from',
      '2024-03-04',
      '--to',
      '2024-03-11',
      '--json',
    ])
    expect(code).toBe(0)
    const report = JSON.parse(out) as KpiReport
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'period',
        'tickets',
        'firstReplyMinutes',
        'firstResolutionMinutes',
        'fullResolutionMinutes',
        'requesterWaitMinutes',
        'agentWaitMinutes',
        'onHoldMinutes',
        'oneTouch',
        'reopened',
        'reassigned',
        'csat',
        'agents',
        'groups',
        'previous',
        'dataQuality',
      ]),
    )
    expect(report.period).toEqual({ from: '2024-03-04', to: '2024-03-11', timezone: 'UTC' })
    expect(report.tickets).toMatchObject({ created: 2, solved: 2, unsolvedAtEnd: 0 })
    expect(report.fullResolutionMinutes).toMatchObject({
      count: 2,
      mean: 150,
      median: 150,
      p90: 190,
    })
    expect(report.fullResolutionMinutes.business).toEqual({
      count: 2,
      mean: 15,
      median: 15,
      p90: 19,
    })
    expect(report.oneTouch).toEqual({ count: 1, rate: 0.5 })
    expect(report.csat).toEqual({ good: 2, bad: 0, offered: 2, score: 1, responseRate: 1 })
    expect(report.agents).toEqual([
      {
        id: 7001,
        solved: 2,
        firstReplyMinutesMedian: 30,
        fullResolutionMinutesMedian: 150,
        oneTouchRate: 0.5,
        csatScore: 1,
      },
    ])
    expect(report.previous.period).toEqual({
      from: '2024-02-26',
      to: '2024-03-04',
      timezone: 'UTC',
    })
    expect(report.dataQuality).toEqual({ records: 2, skipped: 0, reasons: {} })
  })

  it('applies the bad-input rules and counts them', async () => {
    const v1 = zendeskTicket({
      id: 1,
      status: 'open',
      updated_at: '2024-03-04T10:00:00Z',
      generated_timestamp: 0,
    })
    const v2 = { ...v1, status: 'pending', updated_at: '2024-03-05T10:00:00Z' }
    const input = file(
      'bad.ndjson',
      [
        JSON.stringify(
          exportPage(
            [v2, zendeskTicket({ id: 2, via: { channel: 'pigeon' } })],
            [zendeskMetricSet(1)],
          ),
        ),
        JSON.stringify(
          exportPage([v1, zendeskTicket({ id: 'x' as never })], [zendeskMetricSet(1)]),
        ),
        '{"tickets": [{"id": 3, "status": "op',
      ],
      true,
    )
    const { code, out } = await run([
      '--in',
      input,
      '--from',
      '2024-03-04',
      '--to',
      '2024-03-11',
      '--json',
    ])
    expect(code).toBe(0)
    const report = JSON.parse(out) as KpiReport
    expect(report.tickets.created).toBe(2)
    expect(report.tickets.byChannel).toEqual({ email: 1, other: 1 })
    expect(report.dataQuality).toEqual({
      records: 4,
      skipped: 2,
      reasons: {
        duplicateId: 1,
        invalidId: 1,
        missingEndOfStream: 1,
        missingMetricSet: 1,
        pageOutOfOrder: 1,
        truncatedLastLine: 1,
        unknownChannel: 1,
      },
    })
  })

  it('reads SLA events from --events', async () => {
    const a = solved(1, '2024-03-04T09:00:00Z', '2024-03-05T09:00:00Z', 1)
    const input = file('sla.ndjson', [exportPage([a.ticket], [a.metrics], true)])
    const ev = (type: string, time: string) => ({
      id: 1,
      ticket_id: 1,
      metric: 'reply_time',
      instance_id: 1,
      type,
      time,
      deleted: false,
    })
    const events = file('events.ndjson', [
      metricEventsPage([
        ev('apply_sla', '2024-03-04T09:00:00Z'),
        ev('fulfill', '2024-03-04T09:30:00Z'),
      ]),
    ])
    const { out } = await run([
      '--in',
      input,
      '--events',
      events,
      '--from',
      '2024-03-04',
      '--to',
      '2024-03-11',
      '--json',
    ])
    expect((JSON.parse(out) as KpiReport).sla.overall).toEqual({
      achieved: 1,
      breached: 0,
      rate: 1,
    })
  })

  it('prints a readable report by default, with the data extent as default period', async () => {
    const a = solved(1, '2024-03-04T09:00:00Z', '2024-03-05T09:00:00Z', 1)
    const input = file('text.ndjson', [exportPage([a.ticket], [a.metrics], true)])
    const { code, out } = await run(['--in', input, '--tz', 'Europe/Paris'])
    expect(code).toBe(0)
    expect(out).toContain('KPIs 2024-02-07 → 2024-03-06 (exclusive), Europe/Paris')
    expect(out).toContain('solved 1')
  })

  it('names agents and groups in the readable report: the id where names collide or are missing', async () => {
    const at = (id: number, assignee: number | null, group: number | null) =>
      zendeskTicket({
        id,
        status: 'solved',
        created_at: '2024-03-04T09:00:00Z',
        updated_at: '2024-03-05T09:00:00Z',
        generated_timestamp: Date.parse('2024-03-05T09:00:00Z') / 1000,
        assignee_id: assignee,
        group_id: group,
      })
    const set = (id: number) => zendeskMetricSet(id, { solved_at: '2024-03-05T09:00:00Z' })
    const first = {
      ...exportPage([at(1, 7001, 8001), at(2, 7002, 8002)], [set(1), set(2)]),
      users: [
        { id: 7001, name: 'Ana Ruiz' },
        { id: 7002, name: 'Ana Ruiz' },
        { id: 7004, name: 'Not on any ticket' },
      ],
      groups: [
        { id: 8001, name: 'Billing' },
        { id: 8002, name: 'Tier 1' },
      ],
    }
    // the later page renames a group (the newest record wins) and names nobody else
    const second = {
      ...exportPage([at(3, 7003, 8003), at(4, null, null)], [set(3), set(4)], true),
      users: [{ id: 7003, name: '  ' }, { name: 'no id' }],
      groups: [{ id: 8002, name: 'Tier 2' }, 'not a group'],
    }
    const input = file('names.ndjson', [first, second])
    const period = ['--from', '2024-03-04', '--to', '2024-03-11']
    const { code, out } = await run(['--in', input, ...period])
    expect(code).toBe(0)
    // a table's labels: the lines after its title, up to the blank line
    const table = (title: string): string[] => {
      const lines = out.split('\n')
      const rows = lines.slice(lines.findIndex((l) => l.startsWith(title)) + 1)
      return rows.slice(0, rows.indexOf('')).map((l) => l.replace(/ +solved.*$/, '').trim())
    }
    // equal solved counts: the engine's order, tickets without anyone first, then by id
    expect(table('Agents')).toEqual(['unassigned', 'Ana Ruiz (7001)', 'Ana Ruiz (7002)', '7003'])
    expect(table('Groups')).toEqual(['no group', 'Billing', 'Tier 2', '8003'])
    // the JSON keeps ids
    const json = await run(['--in', input, ...period, '--json'])
    expect((JSON.parse(json.out) as KpiReport).agents.map((a) => a.id)).toEqual([
      null,
      7001,
      7002,
      7003,
    ])
  })

  it('rejects a file that is not the dataset format, naming the line', async () => {
    const csv = file('tickets.csv', ['id,status', '1,open', '2,open'], true)
    const { code, err } = await run(['--in', csv])
    expect(code).toBe(1)
    expect(err).toMatch(/tickets\.csv:1: not JSON .*expected one incremental export page per line/)
  })

  it('rejects JSON lines that are not export pages, naming the line', async () => {
    const a = solved(1, '2024-03-04T09:00:00Z', '2024-03-05T09:00:00Z', 1)
    const input = file('wrong.ndjson', [
      exportPage([a.ticket], [a.metrics]),
      { users: [] },
      { tickets: [] },
    ])
    const { code, err } = await run(['--in', input])
    expect(code).toBe(1)
    expect(err).toMatch(
      /wrong\.ndjson:2: expected an incremental export page .* got an object with keys users/,
    )
  })

  it.each([
    [[], /--in FILE is required/],
    [['--in'], /--in needs a value/],
    [['--in', 'x', '--frm', '2024-01-01'], /unknown argument '--frm'/],
    [['--in', 'MISSING', '--tz', 'Nowhere/City'], /cannot read|unknown time zone/],
  ])('exits non-zero with a message on bad usage %j', async (argv, message) => {
    const { code, err } = await run(argv)
    expect(code).toBeGreaterThan(0)
    expect(err).toMatch(message)
  })

  it('runs as `tsx scripts/kpi.ts` with exit codes', () => {
    const a = solved(1, '2024-03-04T09:00:00Z', '2024-03-05T09:00:00Z', 1)
    const input = file('spawn.ndjson', [exportPage([a.ticket], [a.metrics], true)])
    const root = path.join(__dirname, '..', '..')
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx')
    const ok = spawnSync(tsx, ['scripts/kpi.ts', '--in', input, '--json'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(ok.status).toBe(0)
    expect((JSON.parse(ok.stdout) as KpiReport).tickets.solved).toBe(1)
    const bad = spawnSync(tsx, ['scripts/kpi.ts', '--in', input, '--to', '2024-13-01'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain("--to: expected a date YYYY-MM-DD, got '2024-13-01'")
  })

  describe('--by tier and --retention', () => {
    let sim: string
    beforeAll(() => {
      sim = path.join(dir, 'sim.ndjson')
      writeDataset({ tickets: 1500, seed: 5, perPage: 500, out: sim })
    })
    const period = ['--from', '2026-10-01', '--to', '2026-11-01']

    it('splits the period by requester tier; the tiers add up to the whole', async () => {
      const { code, out } = await run(['--in', sim, ...period, '--by', 'tier', '--json'])
      expect(code).toBe(0)
      const report = JSON.parse(out) as KpiReport
      const segments = report.segments ?? {}
      expect(Object.keys(segments).length).toBeGreaterThan(1)
      for (const name of Object.keys(segments)) expect(VIP_TIERS).toContain(name)
      const sum = (f: (r: KpiReport['previous']) => number) =>
        Object.values(segments).reduce((n, r) => n + f(r), 0)
      expect(sum((r) => r.tickets.created)).toBe(report.tickets.created)
      expect(sum((r) => r.tickets.solved)).toBe(report.tickets.solved)
      expect(sum((r) => r.firstReplyMinutes.count)).toBe(report.firstReplyMinutes.count)
    })

    it('adds the tier and retention sections after the unchanged report', async () => {
      const plain = await run(['--in', sim, ...period])
      const both = await run(['--in', sim, ...period, '--by', 'tier', '--retention'])
      expect(both.code).toBe(0)
      expect(
        both.out.startsWith(`${plain.out}\n\nBy requester tier (as of 2026-11-01T00:00:00.000Z`),
      ).toBe(true)
      expect(both.out).toMatch(/\n {2}standard +created \d+/)
      expect(both.out).toContain('Retention as of 2026-11-01T00:00:00.000Z')
    })

    it('adds the retention views with a stable key for every figure (--json)', async () => {
      const { code, out } = await run(['--in', sim, ...period, '--retention', '--json'])
      expect(code).toBe(0)
      const json = JSON.parse(out) as KpiReport & { retention: Record<string, unknown> }
      const r = json.retention as {
        asOf: string
        rates: Record<string, { to: string; rate: number | null }>
        byChannel: Record<string, { customers: number; rate: number }>
        byResolution: { buckets: Record<string, { customers: number }> }
        topCustomers: Record<string, { customerId: number; weight: number }>
        revenueAtRisk: { byCurrency: Record<string, unknown> }
      }
      expect(r.asOf).toBe('2026-11-01T00:00:00.000Z')
      expect(Object.keys(r.rates)).toHaveLength(12)
      for (const [key, rate] of Object.entries(r.rates)) {
        expect(key).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(rate.to).toBe(key)
      }
      expect(Object.keys(r.rates).at(-1)).toBe('2026-11-01')
      for (const ch of Object.keys(r.byChannel)) expect(CHANNELS).toContain(ch)
      expect(Object.keys(r.byResolution.buckets)).toEqual([
        '0-4h',
        '4-8h',
        '8-16h',
        '16-24h',
        '24-36h',
        '36-48h',
        '48-72h',
        '72-96h',
        '96-168h',
        '168h+',
      ])
      const ranks = Object.keys(r.topCustomers)
      expect(ranks).toEqual(ranks.map((_, i) => String(i + 1)))
      const weights = Object.values(r.topCustomers).map((c) => c.weight)
      expect(weights).toEqual([...weights].sort((a, b) => b - a))
      expect(json.segments).toBeUndefined()
    })

    it('rejects a split it does not know', async () => {
      const { code, err } = await run(['--in', sim, '--by', 'agent'])
      expect(code).toBe(2)
      expect(err).toContain("--by: the only split is 'tier', got 'agent'")
    })
  })
})
