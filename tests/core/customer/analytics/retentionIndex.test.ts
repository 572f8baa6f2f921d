import fc from 'fast-check'

import { accountBaseline, groupByRequester } from '@/core/customer/accountBaseline'
import { assessCustomer } from '@/core/customer/assessCustomer'
import { customerSpans, spansAsOf } from '@/core/customer/analytics/customerSpans'
import type { CustomerSpan } from '@/core/customer/analytics/customerSpans'
import { channelRiskFromRetention } from '@/core/customer/analytics/retentionByChannel'
import { retentionIndex } from '@/core/customer/analytics/retentionIndex'
import { retentionReport, retentionReportOf } from '@/core/customer/analytics/retentionReport'
import { isActiveTicket } from '@/core/customer/analytics/topCustomers'
import { median, parseInstant } from '@/core/customer/_lib/parse'
import type { CustomerProfile, CustomerTicket } from '@/core/customer/types'
import { CHANNELS, TICKET_STATUSES } from '@/core/types'

const NOW = Date.parse('2024-06-01T12:00:00Z')
const DAY = 86_400_000
const FIELDS = ['last_order_at', 'last_purchase_at', 'last_active_at', 'last_seen_at']

/** The spans rule written out plainly, walking every ticket: the reference for the index. */
function naiveSpans(
  profiles: readonly CustomerProfile[],
  tickets: readonly CustomerTicket[],
  now: number,
): CustomerSpan[] {
  const byId = new Map<number, { profile: CustomerProfile | null; own: CustomerTicket[] }>()
  for (const p of profiles) byId.set(p.id, { profile: p, own: [] })
  for (const t of tickets) {
    const id = t.ticket.requesterId
    if (id === null || t.ticket.status === 'deleted' || !(t.ticket.createdAt <= now)) continue
    const entry = byId.get(id)
    if (entry) entry.own.push(t)
    else byId.set(id, { profile: null, own: [t] })
  }
  const out: CustomerSpan[] = []
  for (const [customerId, { profile, own }] of byId) {
    own.sort((a, b) => a.ticket.createdAt - b.ticket.createdAt || a.ticket.id - b.ticket.id)
    const created = profile?.createdAt ?? null
    const firstSeen = Math.min(
      created !== null && created <= now ? created : Infinity,
      own[0]?.ticket.createdAt ?? Infinity,
    )
    if (!Number.isFinite(firstSeen)) continue
    let lastActive = Math.max(firstSeen, own.at(-1)?.ticket.createdAt ?? -Infinity)
    for (const f of FIELDS) {
      const at = parseInstant(profile?.fields[f])
      if (at !== null && at <= now && at > lastActive) lastActive = at
    }
    const resolutions = own
      .filter((t) => t.ticket.solvedAt !== null && t.ticket.solvedAt <= now)
      .flatMap((t) => t.ticket.minutes.fullResolution.calendar ?? [])
    out.push({
      customerId,
      firstSeen,
      lastActive,
      churnedAt: now - lastActive > 60 * DAY ? lastActive + 60 * DAY : null,
      firstChannel: own[0]?.ticket.channel ?? null,
      firstContactAt: own[0]?.ticket.createdAt ?? null,
      medianResolutionMinutes: median(resolutions),
      solvedTickets: resolutions.length,
      agentIds: [...new Set(own.flatMap((t) => t.ticket.assigneeId ?? []))].sort((a, b) => a - b),
      tickets: own.length,
    })
  }
  return out.sort((a, b) => a.customerId - b.customerId)
}

const ticketArb = fc
  .record({
    id: fc.integer({ min: 1, max: 10_000 }),
    status: fc.constantFrom(...TICKET_STATUSES),
    channel: fc.constantFrom(...CHANNELS),
    created: fc.integer({ min: -200, max: 10 }),
    solvedAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    requesterId: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    assigneeId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    resolution: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    wait: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
    csat: fc.constantFrom('good', 'bad', 'unoffered'),
    tags: fc.constantFrom([], ['churn_risk']),
  })
  .map((t): CustomerTicket => ({
    tags: t.tags,
    priority: 'normal',
    ticket: {
      id: t.id,
      status: t.status,
      channel: t.channel,
      createdAt: NOW + t.created * DAY,
      updatedAt: NOW,
      solvedAt: t.solvedAfter === null ? null : NOW + (t.created + t.solvedAfter) * DAY,
      requesterId: t.requesterId,
      organizationId: null,
      assigneeId: t.assigneeId,
      groupId: null,
      replies: 1,
      reopens: 0,
      assigneeStations: 1,
      csat: t.csat,
      minutes: {
        firstReply: { calendar: 10, business: 10 },
        firstResolution: { calendar: t.resolution, business: t.resolution },
        fullResolution: { calendar: t.resolution, business: t.resolution },
        requesterWait: { calendar: t.wait, business: t.wait },
        agentWait: { calendar: null, business: null },
        onHold: { calendar: null, business: null },
      },
    },
  }))

const profileArb = fc
  .record({
    id: fc.integer({ min: 1, max: 15 }),
    created: fc.option(fc.integer({ min: -400, max: 5 }), { nil: null }),
    lastOrder: fc.option(fc.integer({ min: -300, max: 5 }), { nil: null }),
    value: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: null }),
  })
  .map((p): CustomerProfile => ({
    id: p.id,
    createdAt: p.created === null ? null : NOW + p.created * DAY,
    tags: [],
    fields: {
      ...(p.lastOrder === null
        ? {}
        : { last_order_at: new Date(NOW + p.lastOrder * DAY).toISOString() }),
      ...(p.value === null ? {} : { lifetime_value: p.value }),
    },
    organization: null,
  }))

const accountArb = fc.record({
  profiles: fc.array(profileArb, { maxLength: 15 }),
  tickets: fc.array(ticketArb, { maxLength: 60 }),
  asOf: fc.integer({ min: -120, max: 60 }),
})

describe('retentionIndex', () => {
  it('gives the spans of a walk over every ticket, as of any instant (property)', () => {
    fc.assert(
      fc.property(accountArb, ({ profiles, tickets, asOf }) => {
        const now = NOW + asOf * DAY
        const index = retentionIndex(profiles, tickets)
        expect(spansAsOf(index, now)).toEqual(naiveSpans(profiles, tickets, now))
        expect(customerSpans(profiles, tickets, now)).toEqual(naiveSpans(profiles, tickets, now))
      }),
      { numRuns: 200 },
    )
  })

  it('gives the baseline and backlog of accountBaseline and assessCustomer (property)', () => {
    fc.assert(
      fc.property(accountArb, ({ profiles, tickets, asOf }) => {
        const now = NOW + asOf * DAY
        const index = retentionIndex(profiles, tickets)
        // one index, asked twice: the second answer may come from what the first kept
        for (const r of [retentionReportOf(index, now), retentionReportOf(index, now)]) {
          const risk = channelRiskFromRetention(r.byChannel)
          expect(r.baseline).toEqual(accountBaseline(profiles, tickets, now, {}, risk))
          const history = groupByRequester(tickets.filter((t) => t.ticket.createdAt <= now))
          const byId = new Map(profiles.map((p) => [p.id, p]))
          const expected = new Map<number, unknown>()
          for (const t of tickets) {
            const id = t.ticket.requesterId
            if (id === null || expected.has(id) || !isActiveTicket(t) || t.ticket.createdAt > now)
              continue
            expected.set(
              id,
              assessCustomer(byId.get(id) ?? null, history.get(id) ?? [], r.baseline, now),
            )
          }
          expect(r.backlog).toEqual(expected)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('answers a later instant from the same index as a fresh report does', () => {
    fc.assert(
      fc.property(accountArb, fc.integer({ min: 0, max: 200 }), (account, later) => {
        const index = retentionIndex(account.profiles, account.tickets)
        const first = NOW + account.asOf * DAY
        retentionReportOf(index, first)
        const now = first + later * DAY
        expect(retentionReportOf(index, now)).toEqual(
          retentionReport(account.profiles, account.tickets, now),
        )
      }),
      { numRuns: 100 },
    )
  })

  it('leaves deleted tickets out of the contacts', () => {
    const deleted: CustomerTicket = {
      tags: [],
      priority: 'normal',
      ticket: {
        id: 1,
        status: 'deleted',
        channel: 'email',
        createdAt: NOW - 100 * DAY,
        updatedAt: NOW,
        solvedAt: null,
        requesterId: 7,
        organizationId: null,
        assigneeId: 3,
        groupId: null,
        replies: null,
        reopens: null,
        assigneeStations: null,
        csat: 'unoffered',
        minutes: {
          firstReply: { calendar: null, business: null },
          firstResolution: { calendar: null, business: null },
          fullResolution: { calendar: null, business: null },
          requesterWait: { calendar: null, business: null },
          agentWait: { calendar: null, business: null },
          onHold: { calendar: null, business: null },
        },
      },
    }
    expect(customerSpans([], [deleted], NOW)).toEqual([])
    const profile: CustomerProfile = {
      id: 7,
      createdAt: NOW - 200 * DAY,
      tags: [],
      fields: {},
      organization: null,
    }
    const [span] = customerSpans([profile], [deleted], NOW)
    expect(span).toMatchObject({ firstChannel: null, agentIds: [], tickets: 0 })
  })
})
