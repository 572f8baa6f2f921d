import { KpiEngine } from '@/core'
import type { RetentionByResolution } from '@/core'
import { bandKey } from '@/ui/dashboard/model/bandKey'
import { cardModels } from '@/ui/dashboard/model/cardModels'
import { channelKey } from '@/ui/dashboard/model/channelKey'
import { channelVolume } from '@/ui/dashboard/model/channelVolume'
import { customRange, MAX_CUSTOM_DAYS } from '@/ui/dashboard/model/customRange'
import { dayOverlay } from '@/ui/dashboard/model/dayOverlay'
import { firstReplyRows } from '@/ui/dashboard/model/firstReplyRows'
import { heatmapCells } from '@/ui/dashboard/model/heatmapCells'
import { kneeSentence } from '@/ui/dashboard/model/kneeSentence'
import { lastDayOf } from '@/ui/dashboard/model/lastDayOf'
import { presetRange } from '@/ui/dashboard/model/presetRange'
import { resolutionRows } from '@/ui/dashboard/model/resolutionRows'
import { sortRows } from '@/ui/dashboard/model/sortRows'
import { syncProgress } from '@/ui/dashboard/model/syncProgress'
import { teamRows } from '@/ui/dashboard/model/teamRows'
import { valueAtPath } from '@/ui/dashboard/model/valueAtPath'
import { weekdayNames } from '@/ui/dashboard/model/weekdayNames'

import { buildTicket, resetIds } from '../../support/fixtures/ticketBuilder'

describe('presetRange', () => {
  const anchor = Date.parse('2026-10-31T23:59:59Z')

  it('ends on the anchor day (exclusive end) and spans the preset', () => {
    expect(presetRange('7', anchor, 'UTC')).toEqual({
      from: '2026-10-25',
      to: '2026-11-01',
      timeZone: 'UTC',
    })
    expect(presetRange('90', anchor, 'UTC')).toEqual({
      from: '2026-08-03',
      to: '2026-11-01',
      timeZone: 'UTC',
    })
  })

  it('takes the day in the reporting time zone', () => {
    expect(presetRange('30', anchor, 'America/Los_Angeles').to).toBe('2026-11-01')
    expect(presetRange('30', anchor, 'Europe/Madrid').to).toBe('2026-11-02')
  })

  it('falls back to UTC for an unknown time zone instead of throwing', () => {
    expect(presetRange('7', anchor, 'Mars/Olympus').timeZone).toBe('UTC')
  })
})

describe('customRange and lastDayOf', () => {
  it('turns an inclusive pair into an exclusive range and back', () => {
    const result = customRange('2026-10-01', '2026-10-31', 'UTC')
    expect(result).toEqual({ range: { from: '2026-10-01', to: '2026-11-01', timeZone: 'UTC' } })
    expect(lastDayOf({ from: '2026-10-01', to: '2026-11-01' })).toBe('2026-10-31')
  })

  it('says what is wrong with a bad range', () => {
    expect(customRange('', '2026-10-31', 'UTC')).toEqual({ error: 'badFrom' })
    expect(customRange('2026-10-01', '31/10/2026', 'UTC')).toEqual({ error: 'badTo' })
    expect(customRange('2026-10-31', '2026-10-01', 'UTC')).toEqual({ error: 'order' })
    expect(customRange('2020-01-01', '2026-10-01', 'UTC')).toEqual({ error: 'tooLong' })
    expect(MAX_CUSTOM_DAYS).toBeGreaterThan(365)
  })

  it('accepts a one-day range', () => {
    expect(customRange('2026-10-05', '2026-10-05', 'UTC')).toEqual({
      range: { from: '2026-10-05', to: '2026-10-06', timeZone: 'UTC' },
    })
  })
})

describe('sortRows', () => {
  const rows = [
    { name: 'bo', n: 2 },
    { name: 'Ana', n: null },
    { name: 'cy', n: 10 },
    { name: 'Al', n: 2 },
  ]

  it('sorts numbers both ways with missing values last', () => {
    expect(sortRows(rows, (r) => r.n, 'ascending', 'en').map((r) => r.name)).toEqual([
      'bo',
      'Al',
      'cy',
      'Ana',
    ])
    expect(sortRows(rows, (r) => r.n, 'descending', 'en').map((r) => r.name)).toEqual([
      'cy',
      'bo',
      'Al',
      'Ana',
    ])
  })

  it('sorts text in the locale, ignoring case', () => {
    expect(sortRows(rows, (r) => r.name, 'ascending', 'en').map((r) => r.name)).toEqual([
      'Al',
      'Ana',
      'bo',
      'cy',
    ])
  })

  it('does not change the rows it is given', () => {
    sortRows(rows, (r) => r.n, 'ascending', 'en')
    expect(rows[0]?.name).toBe('bo')
  })
})

describe('dayOverlay', () => {
  it('pairs days by position and keeps a shorter previous period as nulls', () => {
    expect(dayOverlay({ '2026-10-03': 7, '2026-10-02': 5 }, { '2026-10-01': 6 })).toEqual([
      { day: '2026-10-02', previousDay: '2026-10-01', current: 5, previous: 6 },
      { day: '2026-10-03', previousDay: null, current: 7, previous: null },
    ])
  })
})

describe('heatmapCells', () => {
  it('is always 7 × 24 with shades relative to the busiest cell', () => {
    const cells = heatmapCells([[0, 4], [2]])
    expect(cells).toHaveLength(7)
    expect(cells.every((row) => row.length === 24)).toBe(true)
    expect(cells[0]?.[1]).toEqual({ weekday: 0, hour: 1, count: 4, intensity: 1 })
    expect(cells[1]?.[0]?.intensity).toBe(0.5)
    expect(cells[6]?.[23]).toEqual({ weekday: 6, hour: 23, count: 0, intensity: 0 })
  })

  it('reads bad counts as zero', () => {
    expect(heatmapCells([[Number.NaN, -3]])[0]?.[0]?.count).toBe(0)
    expect(heatmapCells([])[3]?.[3]?.intensity).toBe(0)
  })
})

describe('channelVolume and channelKey', () => {
  it('lists busy channels first with their kpi paths and drops empty ones', () => {
    expect(channelVolume({ web: 3, email: 9, chat: 0 }, 'segments.gold.')).toEqual([
      { channel: 'email', count: 9, kpi: 'segments.gold.tickets.byChannel.email' },
      { channel: 'web', count: 3, kpi: 'segments.gold.tickets.byChannel.web' },
    ])
  })

  it('keys the other channel apart from plural forms', () => {
    expect(channelKey('other')).toBe('unknown')
    expect(channelKey('email')).toBe('email')
  })
})

describe('firstReplyRows', () => {
  it('totals each channel and leaves silent channels out', () => {
    const zero = { '<1h': 0, '1-2h': 0, '2-6h': 0, '6-12h': 0, '12-24h': 0, '>24h': 0 }
    const rows = firstReplyRows({
      email: { ...zero, '<1h': 3, '>24h': 1 },
      web: zero,
      chat: { ...zero, '1-2h': 9 },
    })
    expect(rows.map((r) => [r.channel, r.total])).toEqual([
      ['chat', 9],
      ['email', 4],
    ])
  })
})

describe('syncProgress', () => {
  const base = {
    tickets: 0,
    complete: false,
    updatedAt: null,
    source: null,
    slaAvailable: false,
  } as const

  it('says nothing is synced before the first page', () => {
    expect(syncProgress(base, 0)).toEqual({ state: 'none' })
  })

  it('gives the first sync its share and time left', () => {
    expect(
      syncProgress({ ...base, tickets: 250, updatedAt: 1, totalTickets: 1000, etaMs: 61_000 }, 2),
    ).toEqual({
      state: 'first-sync',
      synced: 250,
      total: 1000,
      percent: 25,
      minutesLeft: 2,
    })
    expect(syncProgress({ ...base, tickets: 5, updatedAt: 1 }, 2)).toMatchObject({
      total: null,
      percent: null,
      minutesLeft: null,
    })
  })

  it('counts whole seconds since the last page once complete, never negative', () => {
    expect(
      syncProgress({ ...base, tickets: 9, complete: true, updatedAt: 10_000 }, 22_900),
    ).toEqual({
      state: 'synced',
      tickets: 9,
      secondsAgo: 12,
    })
    expect(
      syncProgress({ ...base, tickets: 9, complete: true, updatedAt: 10_000 }, 0),
    ).toMatchObject({ secondsAgo: 0 })
  })

  it('counts from the first missed commit in a tab behind another tab', () => {
    const behind = { ...base, tickets: 9, complete: true, updatedAt: 50_000, behindSince: 20_000 }
    expect(syncProgress(behind, 60_000)).toMatchObject({ secondsAgo: 40 })
    expect(syncProgress({ ...behind, behindSince: null }, 60_000)).toMatchObject({ secondsAgo: 10 })
  })
})

describe('teamRows', () => {
  it('joins names and keeps each member’s index in the kpi path', () => {
    const member = {
      solved: 1,
      firstReplyMinutesMedian: null,
      fullResolutionMinutesMedian: null,
      oneTouchRate: null,
      csatScore: null,
    }
    expect(
      teamRows(
        [
          { id: 7, ...member },
          { id: null, ...member },
          { id: 8, ...member },
        ],
        { 7: 'Ana' },
        'agents',
      ),
    ).toEqual([
      { id: 7, name: 'Ana', kpi: 'agents.0', ...member },
      { id: null, name: null, kpi: 'agents.1', ...member },
      { id: 8, name: null, kpi: 'agents.2', ...member },
    ])
  })
})

describe('valueAtPath', () => {
  it('reads numbers along object keys and array indexes only', () => {
    const report = { csat: { score: 0.9 }, agents: [{ solved: 3 }], text: 'x' }
    expect(valueAtPath(report, 'csat.score')).toBe(0.9)
    expect(valueAtPath(report, 'agents.0.solved')).toBe(3)
    expect(valueAtPath(report, 'agents.1.solved')).toBeNull()
    expect(valueAtPath(report, 'text')).toBeNull()
    expect(valueAtPath(null, 'a')).toBeNull()
  })
})

describe('kneeSentence', () => {
  const knee = (flatSide: 'above' | 'below' | null): RetentionByResolution => ({
    buckets: [],
    fasterStopsPayingOffAt: null,
    knee: { hours: 24, slopeBelow: -0.8, slopeAbove: -0.05, flatSide, customers: 500 },
  })

  it('picks the sentence by which side is flat, with unsigned slopes', () => {
    expect(kneeSentence(knee('above'))).toEqual({
      key: 'speedPaysBelow',
      hours: 24,
      below: 0.8,
      above: 0.05,
    })
    expect(kneeSentence(knee('below')).key).toBe('speedStopsBelow')
    expect(kneeSentence(knee(null)).key).toBe('slopeChanges')
    expect(kneeSentence({ buckets: [], fasterStopsPayingOffAt: null, knee: null })).toEqual({
      key: 'none',
    })
  })
})

describe('resolutionRows and weekdayNames', () => {
  it('covers all durations without gaps, each band with its count and kpi path', () => {
    const rows = resolutionRows({ '<1h': 4, '1-4h': 9, '>7d': 1 }, 'segments.gold.')
    expect(rows[0]?.fromMinutes).toBe(0)
    expect(rows.at(-1)?.toMinutes).toBeNull()
    rows.slice(1).forEach((b, i) => expect(b.fromMinutes).toBe(rows[i]?.toMinutes))
    expect(rows.map((r) => r.count)).toEqual([4, 9, null, null, null, null, 1])
    expect(rows[1]?.kpi).toBe('segments.gold.fullResolutionMinutes.buckets.1-4h')
    expect(resolutionRows(undefined).every((r) => r.count === null)).toBe(true)
  })

  it('names weekdays Monday first in the reader’s language', () => {
    expect(weekdayNames('en', 'long')[0]).toBe('Monday')
    expect(weekdayNames('es', 'long')[6]).toBe('domingo')
  })
})

describe('cardModels', () => {
  it('gives ten cards whose values sit at their kpi paths, with good and bad changes', () => {
    resetIds(1)
    const engine = new KpiEngine()
    // Previous period (2026-10-01…10-07): one slow first reply; current (10-08…10-14): two fast.
    engine.upsert(
      buildTicket({
        created: '2026-10-02T09:00:00Z',
        solved: '2026-10-02T12:00:00Z',
        minutes: { firstReply: 300 },
      }),
    )
    engine.upsert(
      buildTicket({
        created: '2026-10-09T09:00:00Z',
        solved: '2026-10-09T10:00:00Z',
        minutes: { firstReply: 30 },
      }),
    )
    engine.upsert(buildTicket({ created: '2026-10-10T09:00:00Z', minutes: { firstReply: 50 } }))
    const report = engine.report({ from: '2026-10-08', to: '2026-10-15', timeZone: 'UTC' })
    const cards = cardModels(report)
    expect(cards).toHaveLength(10)
    for (const card of cards) expect(card.value).toBe(valueAtPath(report, card.kpi))
    const firstReply = cards.find((c) => c.label === 'firstReply')
    expect(firstReply).toMatchObject({
      value: 40,
      previous: 300,
      delta: -260,
      trend: 'better',
      unit: 'minutes',
    })
    expect(cards.find((c) => c.label === 'created')).toMatchObject({
      value: 2,
      previous: 1,
      trend: 'same',
    })
    expect(cards.find((c) => c.label === 'backlog')).toMatchObject({
      value: 1,
      previous: 0,
      trend: 'worse',
    })
    expect(cards.find((c) => c.label === 'csat')?.extra).toMatchObject({
      kpi: 'csat.responseRate',
      unit: 'percent',
    })
  })
})

describe('bandKey', () => {
  it('keys bands as the kpi command does', () => {
    expect(bandKey({ fromHours: 4, toHours: 8 })).toBe('4-8h')
    expect(bandKey({ fromHours: 168, toHours: null })).toBe('168h+')
  })
})
