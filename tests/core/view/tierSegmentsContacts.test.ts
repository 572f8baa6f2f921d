// The tier split from per-requester contact times (what the background keeps per account) must be
// the tier split from every ticket, on a generated account with every kind of customer.

import { contactsAsOf, requesterContacts } from '@/core/customer/requesterContacts'
import { customerTier, customerTierName } from '@/core/customer/customerTier'
import { customerValue, customerValueFromContacts } from '@/core/customer/customerValue'
import type { CustomerProfile, CustomerTicket } from '@/core/customer/types'
import { tierSegments } from '@/core/view/tierSegments'
import { buildItem, buildProfile } from '../customer/customerFixtures'
import { mulberry32 as random } from '../../support/prng'

const START = Date.parse('2024-01-01T00:00:00Z')
const DAY = 86_400_000

/** Customers with money fields, bad fields, tier tags, organizations; tickets over two years. */
function generatedAccount(seed: number, customers: number, tickets: number) {
  const next = random(seed)
  const profiles: CustomerProfile[] = []
  for (let i = 0; i < customers; i++) {
    const kind = next()
    profiles.push(
      buildProfile({
        id: 10_000 + i,
        createdAt: next() < 0.1 ? null : START - Math.floor(next() * 400) * DAY,
        tags: next() < 0.05 ? ['VIP_Gold'] : next() < 0.03 ? ['vip_platinum', 'x'] : [],
        fields:
          kind < 0.3
            ? { lifetime_value: Math.round(next() * 20_000) }
            : kind < 0.35
              ? { lifetime_value: 'not money' }
              : {},
        ...(next() < 0.3
          ? {
              orgFields: next() < 0.5 ? { arr: Math.round(next() * 90_000) } : {},
              orgTags: next() < 0.1 ? ['vip_silver'] : [],
            }
          : {}),
      }),
    )
  }
  const items: CustomerTicket[] = []
  for (let i = 0; i < tickets; i++) {
    // some requesters have no profile, some tickets no requester; times repeat on purpose
    const requester = next() < 0.02 ? null : 10_000 + Math.floor(next() * customers * 1.1)
    const created = START + Math.floor(next() * 700) * DAY + (next() < 0.5 ? 0 : 3_600_000)
    items.push(
      buildItem({ id: i + 1, requesterId: requester, created: new Date(created).toISOString() }),
    )
  }
  return { profiles, tickets: items }
}

const RANGES = [
  { from: '2024-01-01', to: '2024-02-01' },
  { from: '2024-06-01', to: '2024-09-01', timeZone: 'Europe/Madrid' },
  { from: '2025-10-01', to: '2025-11-01' },
  { from: '2026-01-01', to: '2026-02-01' },
  { from: '2023-01-01', to: '2023-02-01' },
]

describe('tierSegments from requester contacts', () => {
  const { profiles, tickets } = generatedAccount(7, 600, 5000)
  const contacts = requesterContacts(tickets.map((t) => t.ticket))

  it.each(RANGES)('equals the walk over every ticket for %o', (range) => {
    const slow = tierSegments({ profiles, tickets, range })
    const fast = tierSegments({ profiles, contacts, range })
    expect(fast.asOf).toBe(slow.asOf)
    expect(new Map([...fast.map].sort((a, b) => a[0] - b[0]))).toEqual(
      new Map([...slow.map].sort((a, b) => a[0] - b[0])),
    )
  })

  it('equals it under configured thresholds, a given baseline and a cap at now', () => {
    const settings = {
      tierThresholds: { silver: 2000, gold: 8000, platinum: 15_000 },
      estimateTierThresholds: { silver: 30, gold: 50, platinum: 70 },
    }
    const baseline = {
      valueThresholds: { silver: 100, gold: 200, platinum: 300 },
      estimateThresholds: null,
    }
    const now = Date.parse('2025-03-15T12:00:00Z')
    const range = { from: '2025-03-01', to: '2025-04-01' }
    for (const extra of [{ settings }, { baseline }, { now }]) {
      const slow = tierSegments({ profiles, tickets, range, ...extra })
      expect(tierSegments({ profiles, contacts, range, ...extra }).map).toEqual(slow.map)
    }
  })

  it('splits every tier on the generated account (the comparison is not vacuous)', () => {
    const tiers = new Set(tierSegments({ profiles, contacts, range: RANGES[2]! }).map.values())
    expect([...tiers].sort()).toEqual(['gold', 'platinum', 'silver', 'standard'])
  })

  it('rejects a call with neither tickets nor contacts, naming both', () => {
    expect(() => tierSegments({ profiles, range: RANGES[0]! })).toThrow(
      'tierSegments: pass the tickets or the requester contacts',
    )
  })
})

describe('the per-customer pieces of the fast path', () => {
  const { profiles, tickets } = generatedAccount(11, 200, 1500)
  const contacts = requesterContacts(tickets.map((t) => t.ticket))
  const asOf = Date.parse('2025-01-01T00:00:00Z')

  it('contactsAsOf counts what a walk counts, before or up to the instant', () => {
    const times = contacts.get(10_005)!
    const at = times[3]!
    const walk = tickets.filter((t) => t.ticket.requesterId === 10_005)
    const before = walk.filter((t) => t.ticket.createdAt < at)
    expect(contactsAsOf(times, at).count).toBe(before.length)
    expect(contactsAsOf(times, at, true).count).toBe(
      walk.filter((t) => t.ticket.createdAt <= at).length,
    )
    expect(contactsAsOf(undefined, at)).toEqual({ count: 0, first: Infinity, last: -Infinity })
    expect(contactsAsOf(Float64Array.of(1, 2, NaN), 5)).toEqual({ count: 2, first: 1, last: 2 })
  })

  it('customerValueFromContacts and customerTierName agree with the full calls', () => {
    const baseline = {
      valueThresholds: { silver: 5000, gold: 10_000, platinum: 15_000 },
      estimateThresholds: { silver: 20, gold: 30, platinum: 40 },
    }
    for (const p of profiles) {
      const history = tickets.filter((t) => t.ticket.requesterId === p.id)
      const full = customerValue(p, history, asOf)
      const fast = customerValueFromContacts(p, contactsAsOf(contacts.get(p.id), asOf, true), asOf)
      expect(fast).toEqual(full)
      expect(customerTierName(fast, p.tags, baseline)).toBe(
        customerTier(full, p.tags, baseline).tier,
      )
    }
  })
})
