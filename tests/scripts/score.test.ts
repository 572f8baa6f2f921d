import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { PRIORITY_REASONS } from '@/core/customer'
import { writeDataset } from '@sim/dataset'
import { UsageError } from '../../scripts/command/args'
import { parseArgs } from '../../scripts/score/args'
import { main } from '../../scripts/score/main'
import { ordinal, REASON_KEYS, reasonText } from '../../scripts/score/reasons'
import { ndjsonSource } from '../../scripts/kpi/source'
import { loadDataset } from '../../scripts/score/load'
import { datasetBaseline, scoreDatasetTicket } from '../../scripts/score/run'
import type { ScoreOutput } from '../../scripts/score/run'
import { exportPage, zendeskMetricSet, zendeskTicket } from '../support/fixtures/ticketBuilder'

let dir: string
let simFile: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'score-test-'))
  simFile = path.join(dir, 'sim.ndjson')
  writeDataset({ tickets: 1500, seed: 11, perPage: 500, out: simFile })
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, lines: unknown[]): string {
  const p = path.join(dir, name)
  writeFileSync(
    p,
    lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n',
  )
  return p
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

/** A hand-made account: a Gold customer with an urgent ticket 7.5 h old, no reply yet. */
function handMade(): string {
  const tickets = [
    zendeskTicket({
      id: 1,
      requester_id: 501,
      created_at: '2024-03-01T09:00:00Z',
      status: 'solved',
      priority: 'normal',
      satisfaction_rating: { score: 'bad' },
    }),
    zendeskTicket({
      id: 2,
      requester_id: 501,
      created_at: '2024-03-03T09:00:00Z',
      status: 'solved',
      priority: 'normal',
    }),
    zendeskTicket({
      id: 3,
      requester_id: 501,
      created_at: '2024-03-04T09:00:00Z',
      updated_at: '2024-03-04T16:30:00Z',
      priority: 'normal',
      tags: ['billing'],
    }),
  ]
  const sets = [
    zendeskMetricSet(1, {
      solved_at: '2024-03-01T20:00:00Z',
      requester_wait_time_in_minutes: { calendar: 660, business: 660 },
      full_resolution_time_in_minutes: { calendar: 660, business: 660 },
    }),
    zendeskMetricSet(2, {
      solved_at: '2024-03-03T12:00:00Z',
      requester_wait_time_in_minutes: { calendar: 180, business: 180 },
      full_resolution_time_in_minutes: { calendar: 180, business: 180 },
    }),
    zendeskMetricSet(3, { replies: 0, reply_time_in_minutes: { calendar: null, business: null } }),
  ]
  const page = {
    ...exportPage(tickets, sets, true),
    users: [
      {
        id: 501,
        created_at: '2022-01-01T00:00:00Z',
        organization_id: null,
        tags: [],
        user_fields: { lifetime_value: 3000 },
      },
    ],
  }
  return file('hand.ndjson', [page])
}

describe('score command', () => {
  it('prints the customer and the priority with a breakdown that adds up (--json)', async () => {
    const r = await run(['--in', handMade(), '--ticket', '3', '--json'])
    expect(r.code).toBe(0)
    const o = JSON.parse(r.out) as ScoreOutput
    expect(o.now).toBe('2024-03-04T16:30:00.000Z')
    expect(o.customer).toMatchObject({
      value: 3000,
      currency: 'USD',
      valueSource: 'userField',
      tier: 'gold',
      nextTier: { tier: 'platinum', at: 10000, gap: 7000 },
    })
    expect(o.customer.churnRisk).toBeGreaterThan(0.05)
    expect(o.customer.retentionValue).toBeCloseTo(3000 * o.customer.churnRisk, 2)
    const sla = o.priority.factors.find((f) => f.key === 'slaBreach')
    expect(sla).toMatchObject({
      reason: 'SLA breach in 30 min',
      reasonKey: 'valueModel.reason.slaBreachIn',
    })
    expect(o.priority.factors.find((f) => f.key === 'repeatContact')?.reason).toBe(
      '3rd contact in 7 days',
    )
    expect(o.priority.factors.find((f) => f.key === 'value')?.reason).toBe(
      'Gold customer (3,000 USD)',
    )
    const tenths = o.priority.factors.reduce((a, f) => a + Math.round(f.contribution * 10), 0)
    expect(tenths).toBe(Math.round(o.priority.score * 10))
  })

  it('scores as of --now', async () => {
    const input = handMade()
    const later = JSON.parse(
      (await run(['--in', input, '--ticket', '3', '--now', '2024-03-04T18:00:00Z', '--json'])).out,
    ) as ScoreOutput
    const earlier = JSON.parse(
      (await run(['--in', input, '--ticket', '3', '--json'])).out,
    ) as ScoreOutput
    expect(later.priority.factors.find((f) => f.key === 'slaBreach')?.reason).toBe(
      'SLA breached 1 h ago',
    )
    expect(later.priority.score).toBeGreaterThan(earlier.priority.score)
  })

  it('prints a readable breakdown by default', async () => {
    const r = await run(['--in', handMade(), '--ticket', '3'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('tier             gold (by threshold); next: platinum at 10,000 USD')
    expect(r.out).toMatch(/Priority \d+(\.\d)? \/ 100 \((low|medium|high|critical)\)/)
    expect(r.out).toContain('SLA breach in 30 min')
  })

  it('scores a ticket of a generated dataset deterministically', async () => {
    const a = await run(['--in', simFile, '--ticket', '1400', '--json'])
    const b = await run(['--in', simFile, '--ticket', '1400', '--json'])
    expect(a.code).toBe(0)
    expect(a.out).toBe(b.out)
    const o = JSON.parse(a.out) as ScoreOutput
    expect(o.customer.valueSource).toBe('userField')
    expect(o.priority.factors).toHaveLength(8)
    expect(o.priority.score).toBeGreaterThanOrEqual(0)
    expect(o.priority.score).toBeLessThanOrEqual(100)
  })

  it('measures channel loyalty from the dataset for the channel factor', async () => {
    const data = await loadDataset(ndjsonSource(simFile))
    const at = Math.max(...data.tickets.map((t) => t.ticket.updatedAt))
    const risk = datasetBaseline(data, at).channelRisk
    expect(Object.keys(risk).length).toBeGreaterThanOrEqual(2)
    expect(Math.max(...Object.values(risk))).toBe(1)
    const email = data.tickets.find(
      (t) => t.ticket.channel === 'email' && t.ticket.status === 'open',
    )
    if (email === undefined) throw new Error('expected an open email ticket')
    const o = scoreDatasetTicket(data, email.ticket.id, null)
    expect(o.priority.factors.find((f) => f.key === 'channelLoyalty')?.missing).toBe(false)
  })

  it('scores a ticket whose requester and priority are unknown, flagged and neutral', async () => {
    const t = zendeskTicket({
      id: 7,
      requester_id: 999,
      priority: null,
      created_at: '2024-03-04T09:00:00Z',
    })
    const input = file('anon.ndjson', [exportPage([t], [zendeskMetricSet(7)], true)])
    const o = JSON.parse((await run(['--in', input, '--ticket', '7', '--json'])).out) as ScoreOutput
    expect(o.customer).toMatchObject({
      valueSource: 'estimate',
      currency: null,
      flags: ['unknownRequester', 'noValueField'],
    })
    expect(o.priority.factors.find((f) => f.key === 'ticketPriority')).toMatchObject({
      missing: true,
      contribution: 4,
      reason: 'No ticket priority',
    })
    expect(o.priority.factors.find((f) => f.key === 'slaBreach')?.reason).toBe('No SLA target')
  })

  it('takes SLA time left from --events when given', async () => {
    const events = file('events.ndjson', [
      {
        ticket_metric_events: [
          {
            id: 1,
            ticket_id: 3,
            metric: 'reply_time',
            instance_id: 1,
            type: 'activate',
            time: '2024-03-04T09:00:00Z',
          },
          {
            id: 2,
            ticket_id: 3,
            metric: 'reply_time',
            instance_id: 1,
            type: 'apply_sla',
            time: '2024-03-04T09:00:00Z',
            sla: { target: 600 },
          },
          {
            id: 3,
            ticket_id: 4,
            metric: 'reply_time',
            instance_id: 1,
            type: 'breach',
            time: '2024-03-04T09:00:00Z',
          },
        ],
        next_page: null,
      },
    ])
    const o = JSON.parse(
      (await run(['--in', handMade(), '--ticket', '3', '--events', events, '--json'])).out,
    ) as ScoreOutput
    expect(o.ticket.slaSource).toBe('events')
    expect(o.priority.factors.find((f) => f.key === 'slaBreach')?.reason).toBe(
      'SLA breach in 2.5 h',
    )
    const bad = await run(['--in', handMade(), '--ticket', '3', '--events', handMade()])
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('expected a ticket metric events page')
  })

  describe('errors', () => {
    it('exits 1 for a ticket that is not in the dataset', async () => {
      const r = await run(['--in', handMade(), '--ticket', '99'])
      expect(r).toMatchObject({ code: 1, err: 'score: ticket 99 is not in the dataset' })
    })

    it('exits 1 for a file that is not the dataset format', async () => {
      const r = await run(['--in', file('bad.ndjson', ['{"hello": 1}']), '--ticket', '1'])
      expect(r.code).toBe(1)
      expect(r.err).toContain('expected an incremental export page')
    })

    it('exits 1 for a missing file', async () => {
      const r = await run(['--in', path.join(dir, 'nope.ndjson'), '--ticket', '1'])
      expect(r.code).toBe(1)
      expect(r.err).toContain('ENOENT')
    })

    it.each([
      [[], '--in FILE is required'],
      [['--in', 'x'], '--ticket ID is required'],
      [['--in', 'x', '--ticket', 'abc'], "--ticket must be a positive integer, got 'abc'"],
      [['--in', 'x', '--ticket', '1', '--now', 'yesterday'], '--now must be an ISO date-time'],
      [['--in', 'x', '--ticket', '1', '--bogus'], "unknown argument '--bogus'"],
      [['--in'], '--in needs a value'],
    ])('exits 2 for %p', async (argv, message) => {
      const r = await run(argv)
      expect(r.code).toBe(2)
      expect(r.err).toContain(message)
    })
  })
})

describe('parseArgs', () => {
  it('reads every flag', () => {
    expect(
      parseArgs(['--in', 'f', '--ticket', '7', '--now', '2024-01-01T00:00:00Z', '--json']),
    ).toEqual({
      input: 'f',
      ticketId: 7,
      now: Date.parse('2024-01-01T00:00:00Z'),
      events: null,
      json: true,
      help: false,
    })
    expect(() => parseArgs(['--ticket', '0', '--in', 'f'])).toThrow(UsageError)
    expect(parseArgs(['--in', 'f', '--ticket', '1', '--events', 'e.ndjson']).events).toBe(
      'e.ndjson',
    )
  })
})

describe('reasonText', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [13, '13th'],
    [22, '22nd'],
  ])('writes %p as %p', (n, text) => {
    expect(ordinal(n)).toBe(text)
  })

  it('has English text for every reason key and shows unknown keys as they are', () => {
    expect([...REASON_KEYS].sort()).toEqual(
      PRIORITY_REASONS.map((r) => `valueModel.reason.${r}`).sort(),
    )
    expect(reasonText({ key: 'valueModel.reason.noSuchThing', params: {} })).toBe(
      'valueModel.reason.noSuchThing',
    )
  })

  it('takes its sentences from translations/en.json', () => {
    const en = JSON.parse(
      readFileSync(path.join(__dirname, '..', '..', 'translations', 'en.json'), 'utf8'),
    ) as { reason: Record<string, unknown> }
    expect(en.reason.slaBreachIn).toBe('SLA breach in {{minutes}}')
    expect(reasonText({ key: 'valueModel.reason.slaBreachIn', params: { minutes: 150 } })).toBe(
      'SLA breach in 2.5 h',
    )
    expect(reasonText({ key: 'valueModel.reason.tier', params: { tier: 'gold' } })).toBe(
      'Gold customer',
    )
    expect(
      reasonText({ key: 'valueModel.reason.firstContact', params: { ordinal: 1, days: 1 } }),
    ).toBe('First contact in 1 day')
  })

  it.each(['en', 'ca', 'es', 'ru', 'ro', 'id'])(
    'has every reason in %s, with the placeholders and plural forms of the language',
    (locale) => {
      const messages = JSON.parse(
        readFileSync(path.join(__dirname, '..', '..', 'translations', `${locale}.json`), 'utf8'),
      ) as { reason: Record<string, string | Record<string, string>> }
      const en = JSON.parse(
        readFileSync(path.join(__dirname, '..', '..', 'translations', 'en.json'), 'utf8'),
      ) as { reason: Record<string, string | Record<string, string>> }
      const names = (m: string | Record<string, string>) =>
        [
          ...new Set(
            (typeof m === 'string' ? [m] : Object.values(m)).flatMap((x) =>
              [...x.matchAll(/\{\{(\w+)\}\}/g)].map((g) => g[1]),
            ),
          ),
        ].sort()
      expect(Object.keys(messages.reason)).toEqual(Object.keys(en.reason))
      for (const r of PRIORITY_REASONS) expect(messages.reason).toHaveProperty(r)
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
      for (const [key, message] of Object.entries(messages.reason)) {
        const reference = en.reason[key] as string | Record<string, string>
        expect({ key, names: names(message) }).toEqual({ key, names: names(reference) })
        expect({ key, plural: typeof message !== 'string' }).toEqual({
          key,
          plural: typeof reference !== 'string',
        })
        const forms = typeof message === 'string' ? null : Object.keys(message).sort()
        expect({ key, forms }).toEqual({
          key,
          forms: typeof message === 'string' ? null : [...categories].sort(),
        })
      }
    },
  )
})
