import { KpiEngine } from '@/core/engine/engine'
import { KPI_CARD_KEYS, kpiCards } from '@/core/view/kpiCards'
import type { KpiCard } from '@/core/view/kpiCards'
import { weekSlaEvents, weekTickets, WEEK } from '../engine/weekFixture'
import { buildTicket } from '../../support/fixtures/ticketBuilder'

function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj)
}

describe('kpiCards', () => {
  const engine = new KpiEngine()
  engine.upsertMany(weekTickets())
  engine.addSlaEvents(weekSlaEvents())
  // a week before WEEK, so the previous period has something to compare
  engine.upsertMany([
    buildTicket({
      id: 901,
      created: '2024-02-27T09:00:00Z',
      solved: '2024-02-27T10:00:00Z',
      minutes: { firstReply: 60, fullResolution: 60, requesterWait: 60 },
      replies: 1,
      csat: 'bad',
    }),
    buildTicket({ id: 902, created: '2024-02-28T09:00:00Z' }),
  ])
  const report = engine.report(WEEK)
  const cards = kpiCards(report)
  const byKey = Object.fromEntries(cards.map((c) => [c.key, c])) as Record<string, KpiCard>

  it('gives the ten cards in order, each reading its JSON path in the report', () => {
    expect(cards.map((c) => c.key)).toEqual([...KPI_CARD_KEYS])
    const json = JSON.parse(JSON.stringify(report)) as unknown
    const previous = JSON.parse(JSON.stringify(report.previous)) as unknown
    for (const card of cards) {
      expect({ key: card.key, value: card.value }).toEqual({
        key: card.key,
        value: at(json, card.path),
      })
      expect(card.previous).toEqual(at(previous, card.path))
    }
  })

  it('computes the change against the previous period', () => {
    for (const card of cards) {
      const expected =
        card.value === null || card.previous === null ? null : card.value - card.previous
      expect({ key: card.key, delta: card.delta }).toEqual({ key: card.key, delta: expected })
    }
    const before = report.previous.tickets.created
    expect(before).toBeGreaterThanOrEqual(2)
    expect(byKey.created?.previous).toBe(before)
    expect(byKey.created?.delta).toBe(report.tickets.created - before)
  })

  it('judges each change by the KPI polarity', () => {
    const polarity = Object.fromEntries(cards.map((c) => [c.key, c.polarity]))
    expect(polarity).toEqual({
      created: 'none',
      solved: 'up',
      backlog: 'down',
      reopenRate: 'down',
      firstReplyMedian: 'down',
      fullResolutionMedian: 'down',
      requesterWaitMedian: 'down',
      oneTouchRate: 'up',
      csat: 'up',
      slaAchievement: 'up',
    })
    expect(byKey.created?.verdict).toBe('neutral')
    // 1 solved before, more this week: good
    expect(byKey.solved?.delta).toBeGreaterThan(0)
    expect(byKey.solved?.verdict).toBe('good')
    // 60 min first reply median before; this week's is different, judged lower-is-better
    const frt = byKey.firstReplyMedian as KpiCard
    expect(frt.verdict).toBe((frt.delta as number) < 0 ? 'good' : 'bad')
  })

  it('carries the CSAT response rate and the drill-down KPI', () => {
    expect(byKey.csat?.secondary).toEqual({
      key: 'responseRate',
      path: 'csat.responseRate',
      unit: 'ratio',
      value: report.csat.responseRate,
      previous: report.previous.csat.responseRate,
    })
    expect(cards.map((c) => c.drill)).toEqual([
      'created',
      'solved',
      'unsolvedAtEnd',
      'reopened',
      'firstReplyMinutes',
      'fullResolutionMinutes',
      'requesterWaitMinutes',
      'oneTouch',
      'csat',
      'sla',
    ])
  })

  it('gives cards without comparison for a report without a previous period', () => {
    const segment: Partial<typeof report> = { ...report }
    delete segment.previous
    for (const card of kpiCards(segment as typeof report)) {
      expect(card).toMatchObject({ previous: null, delta: null, verdict: null })
    }
  })

  it('calls an unchanged figure flat and a missing one unjudged', () => {
    const same = kpiCards({ ...report, previous: report })
    for (const card of same) {
      expect(card.verdict).toBe(card.value === null ? null : 'flat')
    }
  })
})
