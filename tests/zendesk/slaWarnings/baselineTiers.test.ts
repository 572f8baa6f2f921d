import { accountBaseline } from '@/core'
import type { AccountBaseline, TierThresholds } from '@/core'
import { createZendeskClient } from '@/zendesk/api/client'
import type { SharedBaseline } from '@/zendesk/baseline/sharedBaseline'
import { createGovernor } from '@/zendesk/governor'
import { memoryStore } from '@/zendesk/leader/tabs'
import { DEFAULT_SETTINGS } from '@/zendesk/settings'
import { createSlaWarner, startSlaWarnings } from '@/zendesk/slaWarnings'
import type { SlaTicketsPage } from '@/zendesk/slaWarnings'
import { createFakeZafClient } from '../../support/fakeZafClient'
import { createFakeTransport } from '../support/fakeTransport'
import { oneTicketPage } from './slaPage'

// The warning's tier follows the sidebar's rule: configured thresholds in threshold mode, else the
// account's percentiles from the shared baseline, else the tier*Min settings.

const BREACH = Date.UTC(2026, 9, 31, 23, 59)

/** One open ticket of a requester worth `value`, breaching in 12 minutes, assigned to agent 7. */
function pageWorth(value: number): SlaTicketsPage {
  return oneTicketPage({
    breachAt: BREACH,
    serverNow: BREACH - 12 * 60_000,
    requester: { id: 501, name: 'Ada', user_fields: { lifetime_value: value } },
  })
}

function baselineWith(valueThresholds: TierThresholds | null): SharedBaseline {
  const baseline: AccountBaseline = { ...accountBaseline([], [], BREACH), valueThresholds }
  return {
    status: 'ok',
    baseline,
    record: {} as Extract<SharedBaseline, { status: 'ok' }>['record'],
    computedAt: BREACH - 86_400_000,
    from: 'cache',
  }
}

const MISSING: SharedBaseline = {
  status: 'missing',
  reason: 'no-record',
  message: 'no baseline yet',
  fallback: 'threshold-settings',
}

const flush = async () => {
  for (let i = 0; i < 40; i++) await Promise.resolve()
}

/** Starts the warnings as the leader tab and returns the notifications given and the baseline reads. */
async function warningsFor(
  value: number,
  shared: SharedBaseline,
  settings: Partial<typeof DEFAULT_SETTINGS> = {},
): Promise<{ notified: number; reads: number }> {
  const zaf = createFakeZafClient({
    values: { currentUser: { id: 7, name: 'Ada', role: 'agent', locale: 'en' } },
  })
  let reads = 0
  const { stop } = await startSlaWarnings({
    zaf,
    subdomain: 'acme',
    settings: { ...DEFAULT_SETTINGS, ...settings },
    client: createZendeskClient(createGovernor(createFakeTransport(() => new Error('unused')))),
    election: { isLeader: () => true, onChange: () => () => undefined },
    store: memoryStore(),
    events: new EventTarget(),
    warn: () => undefined,
    readBaseline: () => {
      reads++
      return Promise.resolve(shared)
    },
    createWarner: (o) => createSlaWarner({ ...o, fetch: () => Promise.resolve(pageWorth(value)) }),
  })
  await flush()
  stop()
  return { notified: zaf.invocations.filter((i) => i.name === 'notify').length, reads }
}

describe('SLA warnings: the tier from the shared baseline', () => {
  const percentiles = { silver: 100, gold: 500, platinum: 1000 }

  it('warns for a customer the account percentiles make Gold (below the settings minimums)', async () => {
    // 600 is Gold by the baseline, Standard by the default minimums (silver 2,000)
    expect(await warningsFor(600, baselineWith(percentiles))).toEqual({ notified: 1, reads: 1 })
  })

  it('gives no warning for a customer the percentiles make Silver', async () => {
    expect((await warningsFor(300, baselineWith(percentiles))).notified).toBe(0)
  })

  it('falls back to the tier*Min settings without a baseline, or with one that has no percentiles', async () => {
    expect((await warningsFor(600, MISSING)).notified).toBe(0)
    expect((await warningsFor(600, baselineWith(null))).notified).toBe(0)
    // the settings' minimums, not the model's built-in defaults
    expect(
      (await warningsFor(600, MISSING, { tierSilverMin: 100, tierGoldMin: 500 })).notified,
    ).toBe(1)
  })

  it('keeps to the configured thresholds in threshold mode, without reading the baseline', async () => {
    const threshold = { tierMode: 'threshold' as const, tierGoldMin: 5000, tierPlatinumMin: 9000 }
    expect(await warningsFor(600, baselineWith(percentiles), threshold)).toEqual({
      notified: 0,
      reads: 0,
    })
  })
})
