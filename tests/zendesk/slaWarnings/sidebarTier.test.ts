import { accountBaseline, scoreRequesterTicket, valueModelSettings } from '@/core'
import type { AccountBaseline, CustomerProfile, TierThresholds, VipTier } from '@/core'
import { createZendeskClient } from '@/zendesk/api/client'
import { createGovernor } from '@/zendesk/governor'
import { memoryStore } from '@/zendesk/leader/tabs'
import { DEFAULT_SETTINGS } from '@/zendesk/settings'
import type { AppSettings } from '@/zendesk/settings'
import { createSlaWarner, watchedTickets } from '@/zendesk/slaWarnings'
import type { SlaTicketsPage } from '@/zendesk/slaWarnings'
import { buildTicket } from '../../support/fixtures/ticketBuilder'
import { createFakeTransport } from '../support/fakeTransport'
import { oneTicketPage } from './slaPage'

// For the same settings, baseline and customer, the SLA warning's tier is the sidebar's tier
// (scoreRequesterTicket, which the sidebar shows), in every branch of the tier rule.

const DAY = 86_400_000
const NOW = Date.UTC(2026, 9, 31, 23, 47)
const CREATED = '2026-10-31T22:30:00Z'

/** A customer as Zendesk sends it: a value in `lifetime_value` (or none: an estimate). */
type Customer = { value: number | null; tenureDays: number; tags?: string[] }

function pageOf(c: Customer): SlaTicketsPage {
  return oneTicketPage({
    breachAt: NOW + 10 * 60_000,
    serverNow: NOW,
    tags: ['billing'],
    requester: {
      id: 501,
      name: 'Ada',
      tags: c.tags ?? [],
      created_at: new Date(NOW - c.tenureDays * DAY).toISOString(),
      user_fields: c.value === null ? {} : { lifetime_value: c.value },
    },
  })
}

function baselineOf(
  valueThresholds: TierThresholds | null,
  estimateThresholds: TierThresholds | null,
): AccountBaseline {
  return { ...accountBaseline([], [], NOW), valueThresholds, estimateThresholds }
}

/** The sidebar's tier: the open ticket scored with the requester's history (this one ticket). */
function sidebarTier(settings: AppSettings, baseline: AccountBaseline, c: Customer): VipTier {
  const profile: CustomerProfile = {
    id: 501,
    createdAt: NOW - c.tenureDays * DAY,
    tags: c.tags ?? [],
    fields: c.value === null ? {} : { lifetime_value: c.value },
    organization: null,
  }
  const ticket = {
    ticket: buildTicket({ id: 100, requesterId: 501, assigneeId: 7, created: CREATED }),
    tags: ['billing'],
    priority: 'normal' as const,
  }
  return scoreRequesterTicket({
    ticket,
    history: [ticket],
    profile,
    baseline,
    now: NOW,
    settings: valueModelSettings(settings),
    ticketTags: ticket.tags,
  }).tier.tier
}

async function warningTier(
  settings: AppSettings,
  baseline: AccountBaseline | null,
  c: Customer,
): Promise<VipTier | null> {
  const [watched] = await watchedTickets(pageOf(c), {
    settings: valueModelSettings(settings),
    now: NOW,
    baseline: () => Promise.resolve(baseline),
  })
  return watched?.tier ?? null
}

/** The tier the warner itself warned with (null: no warning, i.e. below Gold). */
async function warnedTier(
  settings: AppSettings,
  baseline: AccountBaseline | null,
  c: Customer,
): Promise<VipTier | null> {
  const warner = createSlaWarner({
    client: createZendeskClient(createGovernor(createFakeTransport(() => new Error('unused')))),
    subdomain: 'acme',
    userId: 7,
    store: memoryStore(),
    warningMinutes: 30,
    settings: valueModelSettings(settings),
    baseline: () => Promise.resolve(baseline),
    notify: () => Promise.resolve(),
    fetch: () => Promise.resolve(pageOf(c)),
  })
  const { standing } = await warner.runOnce()
  return standing[0]?.tier ?? null
}

const PERCENTILES = { silver: 100, gold: 500, platinum: 1000 }
/** Engagement points: this one ticket gives 51 (120 days' tenure), 55 (1 day) or 63 (400 days). */
const ESTIMATE_PERCENTILES = { silver: 50, gold: 54, platinum: 62 }

const CUSTOMERS: Customer[] = [
  { value: 50, tenureDays: 400 },
  { value: 300, tenureDays: 400 },
  { value: 700, tenureDays: 400 },
  { value: 3000, tenureDays: 400 },
  { value: 12_000, tenureDays: 400 },
  { value: 60_000, tenureDays: 400 },
  { value: 50, tenureDays: 400, tags: ['vip_gold'] },
  { value: null, tenureDays: 120 },
  { value: null, tenureDays: 1 },
  { value: null, tenureDays: 400 },
  { value: null, tenureDays: 1, tags: ['VIP_Platinum'] },
]

const SETTINGS: AppSettings = { ...DEFAULT_SETTINGS, valueField: 'lifetime_value' }

const BRANCHES: [string, AppSettings, AccountBaseline | null][] = [
  [
    'threshold mode',
    {
      ...SETTINGS,
      tierMode: 'threshold',
      tierSilverMin: 200,
      tierGoldMin: 2000,
      tierPlatinumMin: 9000,
    },
    baselineOf(PERCENTILES, ESTIMATE_PERCENTILES),
  ],
  [
    'percentile mode with a baseline',
    { ...SETTINGS, tierMode: 'percentile' },
    baselineOf(PERCENTILES, ESTIMATE_PERCENTILES),
  ],
  [
    'percentile mode with a baseline without percentiles',
    { ...SETTINGS, tierMode: 'percentile', tierSilverMin: 100, tierGoldMin: 1000 },
    baselineOf(null, null),
  ],
  [
    'percentile mode without a baseline',
    { ...SETTINGS, tierMode: 'percentile', tierSilverMin: 100, tierGoldMin: 1000 },
    null,
  ],
]

describe('SLA warnings: the sidebar tier', () => {
  it.each(BRANCHES)('%s: each customer has the sidebar tier', async (_, settings, baseline) => {
    const sidebarBaseline = baseline ?? baselineOf(null, null)
    const expected = CUSTOMERS.map((c) => sidebarTier(settings, sidebarBaseline, c))
    const actual = await Promise.all(CUSTOMERS.map((c) => warningTier(settings, baseline, c)))
    expect(actual).toEqual(expected)
    // the cases tell the tiers apart, for money and for estimates
    expect(new Set(expected.slice(0, 6)).size).toBeGreaterThanOrEqual(3)
    // the warner warns with that tier, for Gold and Platinum only
    const warned = await Promise.all(CUSTOMERS.map((c) => warnedTier(settings, baseline, c)))
    expect(warned).toEqual(expected.map((t) => (t === 'gold' || t === 'platinum' ? t : null)))
  })

  it('tiers an estimate against the baseline estimate thresholds, in either mode', async () => {
    const estimates = CUSTOMERS.filter((c) => c.value === null && c.tags === undefined)
    for (const [, settings, baseline] of BRANCHES.slice(0, 2)) {
      const tiers = await Promise.all(estimates.map((c) => warningTier(settings, baseline, c)))
      expect(tiers).toEqual(['silver', 'gold', 'platinum'])
    }
  })

  it('reads the baseline only when a tier needs it', async () => {
    const settings = BRANCHES[0]?.[1] ?? SETTINGS
    let reads = 0
    const read = () => {
      reads++
      return Promise.resolve(baselineOf(PERCENTILES, ESTIMATE_PERCENTILES))
    }
    const options = { settings: valueModelSettings(settings), now: NOW, baseline: read }
    await watchedTickets(pageOf({ value: 3000, tenureDays: 400 }), options)
    expect(reads).toBe(0)
    await watchedTickets(pageOf({ value: null, tenureDays: 400 }), options)
    expect(reads).toBe(1)
  })
})
