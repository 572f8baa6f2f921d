import fc from 'fast-check'

import { KpiEngine } from '@/core/engine/engine'
import { CHANNELS, CSAT_SCORES, TICKET_STATUSES } from '@/core/types'
import type { KpiReport, ReportRange, TicketRecord } from '@/core/types'

// GENERATORS

const START = Date.parse('2024-02-10T00:00:00Z')
const SPAN = 40 * 86_400_000
const RANGES: ReportRange[] = [
  { from: '2024-03-01', to: '2024-03-15' },
  { from: '2024-03-01', to: '2024-03-15', timeZone: 'America/New_York' },
  { from: '2024-02-25', to: '2024-03-04', timeZone: 'Asia/Kolkata' },
]

const minutes = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null, freq: 4 })
const pair = fc.record({ calendar: minutes, business: minutes })

const ticketArb = fc
  .record({
    id: fc.integer({ min: 1, max: 25 }),
    status: fc.constantFrom(...TICKET_STATUSES),
    channel: fc.constantFrom(...CHANNELS),
    created: fc.integer({ min: 0, max: SPAN }),
    solvedAfter: fc.option(fc.integer({ min: 0, max: 10 * 86_400_000 }), { nil: null }),
    requesterId: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    assigneeId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    groupId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    replies: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    reopens: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    assigneeStations: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    minutes: fc.record({
      firstReply: pair,
      firstResolution: pair,
      fullResolution: pair,
      requesterWait: pair,
      agentWait: pair,
      onHold: pair,
    }),
    csat: fc.constantFrom(...CSAT_SCORES),
  })
  .map(({ created, solvedAfter, ...t }): TicketRecord => ({
    ...t,
    organizationId: null,
    createdAt: START + created,
    updatedAt: 0,
    solvedAt: solvedAfter === null ? null : START + created + solvedAfter,
  }))

/** Ticket versions with a distinct `updatedAt` each, so "newest wins" has one answer. */
const historyArb = fc
  .array(ticketArb, { maxLength: 60 })
  .map((ts) => ts.map((t, i) => ({ ...t, updatedAt: t.createdAt + (i + 1) * 1000 })))

// HELPERS

/** Sorted-key JSON: two reports compare by content, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )
}

function withoutQuality(r: KpiReport): Omit<KpiReport, 'dataQuality'> {
  const { dataQuality, ...rest } = r
  void dataQuality
  return rest
}

function engineOf(tickets: readonly TicketRecord[]): KpiEngine {
  const engine = new KpiEngine({ initialCapacity: 2 })
  engine.upsertMany(tickets)
  return engine
}

/** The newest version of each id. */
function latest(tickets: readonly TicketRecord[]): TicketRecord[] {
  const byId = new Map<number, TicketRecord>()
  for (const t of tickets) {
    const held = byId.get(t.id)
    if (held === undefined || t.updatedAt >= held.updatedAt) byId.set(t.id, t)
  }
  return [...byId.values()]
}

// PROPERTIES

describe('KpiEngine properties', () => {
  it('gives the same report whatever the order of the records', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.constantFrom(...RANGES),
        fc.infiniteStream(fc.nat()),
        (history, range, seeds) => {
          const shuffled = [...history]
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (seeds.next().value as number) % (i + 1)
            ;[shuffled[i], shuffled[j]] = [shuffled[j] as TicketRecord, shuffled[i] as TicketRecord]
          }
          expect(canonical(engineOf(shuffled).report(range))).toBe(
            canonical(engineOf(history).report(range)),
          )
        },
      ),
      { numRuns: 60 },
    )
  })

  it('gives the same report for partitions merged as for the whole', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }),
        fc.constantFrom(...RANGES),
        (history, assignment, range) => {
          const parts = [0, 1, 2, 3].map((p) => history.filter((_, i) => assignment[i] === p))
          const merged = new KpiEngine()
          for (const part of parts) merged.mergeFrom(engineOf(part))
          expect(canonical(merged.report(range))).toBe(canonical(engineOf(history).report(range)))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('keeps a live report equal to recomputing from scratch after upserts', () => {
    fc.assert(
      fc.property(historyArb, historyArb, fc.constantFrom(...RANGES), (before, changes, range) => {
        const engine = engineOf(before)
        const live = engine.live(range)
        live.report()
        // later versions of the same ids and new ids
        const later = changes.map((t) => ({ ...t, updatedAt: t.updatedAt + 10 * SPAN }))
        engine.upsertMany(later)
        const fresh = engineOf(latest([...before, ...later]))
        expect(canonical(live.report())).toBe(canonical(engine.report(range)))
        expect(canonical(withoutQuality(live.report()))).toBe(
          canonical(withoutQuality(fresh.report(range))),
        )
        live.close()
      }),
      { numRuns: 60 },
    )
  })

  it('reports medians and p90 equal to a naive sort of the anchored values', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const range = { from: '2024-02-10', to: '2024-03-25' }
        const report = engineOf(history).report(range)
        const lo = Date.parse('2024-02-10T00:00:00Z')
        const hi = Date.parse('2024-03-25T00:00:00Z')
        const values = latest(history)
          .filter(
            (t) =>
              (t.status === 'solved' || t.status === 'closed') &&
              t.solvedAt !== null &&
              t.solvedAt >= lo &&
              t.solvedAt < hi,
          )
          .map((t) => t.minutes.fullResolution.calendar)
          .filter((v): v is number => v !== null)
          .sort((a, b) => a - b)
        const naive = (p: number): number | null => {
          if (values.length === 0) return null
          const pos = (values.length - 1) * p
          const k = Math.floor(pos)
          const lower = values[k] as number
          const upper = values[Math.min(k + 1, values.length - 1)] as number
          return lower + (upper - lower) * (pos - k)
        }
        const kpi = report.fullResolutionMinutes
        expect(kpi.count).toBe(values.length)
        expect({ median: kpi.median, p90: kpi.p90 }).toEqual({
          median: naive(0.5),
          p90: naive(0.9),
        })
      }),
      { numRuns: 100 },
    )
  })
})
