import { KpiEngine } from '@/core/engine/engine'
import { accountBaselineOf } from '@/core/view/accountBaselineOf'
import { rangeEnd } from '@/core/view/rangeEnd'
import { scoreRequesterTicket } from '@/core/view/scoreRequesterTicket'
import { tierSegments } from '@/core/view/tierSegments'
import { buildItem, buildProfile, DAY, NOW } from '../customer/customerFixtures'
import { plantedAccount } from './baselineFixture'

const RANGE = { from: '2024-05-01', to: '2024-06-01', timeZone: 'UTC' }

describe('tierSegments', () => {
  const { profiles, tickets } = plantedAccount()
  // one customer tagged VIP, one whose only ticket comes after the range
  profiles.push(buildProfile({ id: 30_001, createdAt: null, tags: ['vip_gold'] }))
  tickets.push(buildItem({ id: 5001, requesterId: 30_001, created: '2024-05-10T10:00:00Z' }))
  profiles.push(buildProfile({ id: 30_002, createdAt: null, fields: { lifetime_value: 1e6 } }))
  tickets.push(buildItem({ id: 5002, requesterId: 30_002, created: '2024-06-05T10:00:00Z' }))

  const tiers = tierSegments({ profiles, tickets, range: RANGE })

  it('is as of the end of the range, in the engine segment form', () => {
    expect(tiers.asOf).toBe(Date.parse('2024-06-01T00:00:00Z'))
    expect(tiers).toMatchObject({ by: 'requester', fallback: 'standard' })
    expect(tiers.map.has(30_002)).toBe(false)
  })

  it('gives each requester the tier the sidebar score gives', () => {
    const past = tickets.filter((t) => t.ticket.createdAt < tiers.asOf)
    const baseline = accountBaselineOf({ profiles, tickets: past, now: tiers.asOf })
    const byId = new Map(profiles.map((p) => [p.id, p]))
    const counts: Record<string, number> = {}
    for (const [id, tier] of tiers.map) {
      const history = past.filter((t) => t.ticket.requesterId === id)
      const scored = scoreRequesterTicket({
        ticket: history[0]!,
        history,
        profile: byId.get(id) ?? null,
        baseline,
        now: tiers.asOf,
        settings: {},
        ticketTags: [],
      })
      expect({ id, tier }).toEqual({ id, tier: scored.tier.tier })
      counts[tier] = (counts[tier] ?? 0) + 1
    }
    // percentiles over all 81 valued customers: the one worth 1e6 (no ticket in the range) takes
    // the top 1 %, so nobody here is platinum; gold is the next 4 plus the tagged customer
    expect(counts).toEqual({ gold: 4 + 1, silver: 12, standard: 64 })
    expect(tiers.map.get(30_001)).toBe('gold')
  })

  it('follows the settings: configured thresholds instead of percentiles', () => {
    const set = tierSegments({
      profiles,
      tickets,
      range: RANGE,
      settings: { tierThresholds: { silver: 3000, gold: 3500, platinum: 3900 } },
    })
    expect(set.map.get(10_039)).toBe('platinum')
    expect(set.map.get(10_029)).toBe('silver')
    expect(set.map.get(10_000)).toBe('standard')
  })

  it('splits an engine report into tier segments that add up to the whole', () => {
    const engine = new KpiEngine()
    engine.upsertMany(tickets.map((t) => t.ticket))
    const range = { from: '2024-05-01', to: '2024-06-01' }
    const report = engine.report(range, { segments: tiers })
    const segments = report.segments ?? {}
    const created = Object.values(segments).reduce((n, s) => n + s.tickets.created, 0)
    expect(created).toBe(report.tickets.created)
    expect(segments.gold?.tickets.created).toBeGreaterThan(0)
  })

  it('caps the end at now and rejects a bad date', () => {
    const capped = tierSegments({ profiles, tickets, range: RANGE, now: NOW - 10 * DAY })
    expect(capped.asOf).toBe(NOW - 10 * DAY)
    expect(() => tierSegments({ profiles, tickets, range: { from: 'x', to: 'June' } })).toThrow(
      "range.to must be a date YYYY-MM-DD, got 'June'",
    )
  })
})

describe('rangeEnd', () => {
  it('is local midnight of the exclusive end day in the range time zone', () => {
    expect(rangeEnd({ from: '2024-03-01', to: '2024-04-01' })).toBe(Date.UTC(2024, 3, 1))
    expect(rangeEnd({ from: '2024-03-01', to: '2024-04-01', timeZone: 'Europe/Madrid' })).toBe(
      Date.UTC(2024, 2, 31, 22),
    )
    expect(rangeEnd({ from: '2024-03-01', to: '2024-04-01' }, 5)).toBe(5)
  })
})
