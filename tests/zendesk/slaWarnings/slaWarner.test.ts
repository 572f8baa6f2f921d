import { valueModelSettings } from '@/core'
import type { SlaWarning } from '@/core'
import { createZendeskClient } from '@/zendesk/api/client'
import { createGovernor } from '@/zendesk/governor'
import { memoryStore } from '@/zendesk/leader/tabs'
import { DEFAULT_SETTINGS } from '@/zendesk/settings'
import { createSlaWarner, readStanding, standingKey } from '@/zendesk/slaWarnings'
import type { SlaTicketJson, SlaTicketsPage } from '@/zendesk/slaWarnings'
import { createFakeTransport } from '../support/fakeTransport'

const MIN = 60_000
const BREACH = Date.UTC(2026, 9, 31, 23, 59, 0)
const AGENT = 7
/** Tiers by the value field `lifetime_value`: Silver from 1,000, Gold 2,500, Platinum 10,000. */
const THRESHOLD_SETTINGS = valueModelSettings({
  ...DEFAULT_SETTINGS,
  valueField: 'lifetime_value',
  tierMode: 'threshold',
  tierSilverMin: 1000,
  tierGoldMin: 2500,
  tierPlatinumMin: 10000,
})

/** A Zendesk-shaped open ticket of the agent's, its first reply due at BREACH. */
function ticket(overrides: Partial<SlaTicketJson> = {}): SlaTicketJson {
  return {
    id: 100,
    status: 'open',
    created_at: '2026-10-31T20:00:00Z',
    requester_id: 501,
    assignee_id: AGENT,
    organization_id: null,
    tags: [],
    slas: {
      policy_metrics: [
        { metric: 'first_reply_time', stage: 'active', breach_at: new Date(BREACH).toISOString() },
      ],
    },
    ...overrides,
  }
}

/** The account: requester 501 is worth 12,000 (Platinum), 502 is worth 50 (Standard). */
function page(tickets: SlaTicketJson[], serverNow: number): SlaTicketsPage {
  return {
    tickets,
    users: [
      { id: 501, name: 'Ada', user_fields: { lifetime_value: '12000' } },
      { id: 502, name: 'Bob', user_fields: { lifetime_value: 50 } },
      { id: 503, name: 'Cy', tags: ['vip_gold'] },
    ],
    organizations: [],
    serverNow,
  }
}

function setup(options: { userId?: number; notify?: (w: SlaWarning) => Promise<void> } = {}) {
  const store = memoryStore()
  const shown: SlaWarning[] = []
  const errors: unknown[] = []
  const state: { page: SlaTicketsPage } = { page: page([ticket()], BREACH - 60 * MIN) }
  const make = () =>
    createSlaWarner({
      client: createZendeskClient(createGovernor(createFakeTransport(() => new Error('unused')))),
      subdomain: 'acme',
      userId: options.userId ?? AGENT,
      store,
      warningMinutes: 30,
      settings: THRESHOLD_SETTINGS,
      notify:
        options.notify ??
        ((w) => {
          shown.push(w)
          return Promise.resolve()
        }),
      onError: (err) => errors.push(err),
      fetch: () => Promise.resolve(state.page),
    })
  return { store, shown, errors, state, warner: make(), reload: make }
}

describe('createSlaWarner', () => {
  it('warns the assignee once, slaWarningMinutes before a VIP ticket breaches', async () => {
    const s = setup()
    await s.warner.runOnce() // an hour before: nothing yet
    expect(s.shown).toEqual([])
    s.state.page = page([ticket()], BREACH - 20 * MIN)
    await s.warner.runOnce()
    expect(s.shown).toEqual([
      expect.objectContaining({ ticketId: 100, tier: 'platinum', minutesLeft: 20 }),
    ])
    s.state.page = page([ticket()], BREACH - 10 * MIN)
    await s.warner.runOnce()
    expect(s.shown).toHaveLength(1)
  })

  it('remembers across reloads', async () => {
    const s = setup()
    s.state.page = page([ticket()], BREACH - 20 * MIN)
    await s.warner.runOnce()
    const reloaded = s.reload()
    s.state.page = page([ticket()], BREACH - 19 * MIN)
    await reloaded.runOnce()
    expect(s.shown).toHaveLength(1)
  })

  it.each([
    ['a Standard requester', ticket({ requester_id: 502 })],
    ['a requester deleted from Zendesk', ticket({ requester_id: 999 })],
    ['a solved ticket', ticket({ status: 'solved' })],
    [
      'a fulfilled target',
      ticket({
        slas: {
          policy_metrics: [
            {
              metric: 'first_reply_time',
              stage: 'achieved',
              breach_at: new Date(BREACH).toISOString(),
            },
          ],
        },
      }),
    ],
    ['a ticket without SLA', ticket({ slas: null })],
    ['a ticket of someone else', ticket({ assignee_id: 8 })],
  ])('never warns about %s', async (_, t) => {
    const s = setup()
    s.state.page = page([t], BREACH - 10 * MIN)
    await s.warner.runOnce()
    expect(s.shown).toEqual([])
  })

  it('reads a vip tag as the tier', async () => {
    const s = setup()
    s.state.page = page([ticket({ requester_id: 503 })], BREACH - 10 * MIN)
    await s.warner.runOnce()
    expect(s.shown).toEqual([expect.objectContaining({ tier: 'gold' })])
  })

  it('warns the new assignee after a reassignment', async () => {
    const first = setup()
    first.state.page = page([ticket()], BREACH - 20 * MIN)
    await first.warner.runOnce()
    // the same browser storage, the ticket now belongs to agent 8 who signs in
    const second = setup({ userId: 8 })
    for (const [k, v] of Object.entries(first.store.dump())) second.store.set(k, v)
    second.state.page = page([ticket({ assignee_id: 8 })], BREACH - 15 * MIN)
    await second.warner.runOnce()
    expect(second.shown).toEqual([expect.objectContaining({ assigneeId: 8 })])
  })

  it('tries again next poll when a notification fails (its target was deleted), and loses nothing', async () => {
    let fail = true
    const shown: SlaWarning[] = []
    const s = setup({
      notify: (w) => {
        if (fail) return Promise.reject(new Error('notification target is gone'))
        shown.push(w)
        return Promise.resolve()
      },
    })
    s.state.page = page([ticket()], BREACH - 20 * MIN)
    const result = await s.warner.runOnce()
    expect(result.failed).toHaveLength(1)
    expect(s.errors).toEqual([new Error('notification target is gone')])
    fail = false
    s.state.page = page([ticket()], BREACH - 19 * MIN)
    await s.warner.runOnce()
    expect(shown).toHaveLength(1)
  })

  it('drops a ticket deleted between polls', async () => {
    const s = setup({ notify: () => Promise.reject(new Error('gone')) })
    s.state.page = page([ticket()], BREACH - 20 * MIN)
    await s.warner.runOnce()
    expect(readStanding(s.store, standingKey('acme', AGENT))).toHaveLength(1)
    s.state.page = page([], BREACH - 19 * MIN)
    const result = await s.warner.runOnce()
    expect(result).toMatchObject({ given: [], failed: [], standing: [] })
    expect(readStanding(s.store, standingKey('acme', AGENT))).toEqual([])
  })

  it('follows the server clock when the workspace clock jumps', async () => {
    const s = setup()
    s.state.page = page([ticket()], BREACH - 2 * 60 * MIN)
    await s.warner.runOnce()
    // +1 h: still outside the window
    s.state.page = page([ticket()], BREACH - 60 * MIN)
    await s.warner.runOnce()
    expect(s.shown).toEqual([])
    // +1 h again: past the breach, so no late "before" warning
    s.state.page = page([ticket()], BREACH + 1)
    const result = await s.warner.runOnce()
    expect(s.shown).toEqual([])
    expect(result.standing).toEqual([])
  })

  it("warns on the account's clock when the browser's is elsewhere (the workspace's clock buttons)", async () => {
    const s = setup()
    const withMinutes = (left: number) =>
      ticket({
        slas: {
          policy_metrics: [
            {
              metric: 'first_reply_time',
              stage: 'active',
              breach_at: new Date(BREACH).toISOString(),
              minutes: left,
            },
          ],
        },
      })
    // the browser thinks it is a month later; Zendesk says 40 minutes are left
    jest.useFakeTimers({ now: BREACH + 30 * 24 * 60 * MIN })
    try {
      s.state.page = { ...page([withMinutes(40)], 0), serverNow: null }
      await s.warner.runOnce()
      expect(s.shown).toEqual([])
      // +15 min on the account's clock
      s.state.page = { ...page([withMinutes(25)], 0), serverNow: null }
      await s.warner.runOnce()
      expect(s.shown).toEqual([expect.objectContaining({ minutesLeft: 25 })])
    } finally {
      jest.useRealTimers()
    }
  })

  it('publishes the standing warnings for the sidebar, warned or not', async () => {
    const s = setup()
    s.state.page = page([ticket()], BREACH - 20 * MIN)
    await s.warner.runOnce()
    s.state.page = page([ticket()], BREACH - 5 * MIN)
    const result = await s.warner.runOnce()
    expect(result.given).toEqual([])
    expect(readStanding(s.store, standingKey('acme', AGENT))).toEqual([
      expect.objectContaining({ ticketId: 100, minutesLeft: 5 }),
    ])
  })

  it('polls every minute until stopped and reports a failed poll with its time', async () => {
    jest.useFakeTimers({ now: BREACH - 60 * MIN })
    try {
      const s = setup()
      let polls = 0
      const warner = createSlaWarner({
        client: createZendeskClient(createGovernor(createFakeTransport(() => new Error('x')))),
        subdomain: 'acme',
        userId: AGENT,
        store: s.store,
        warningMinutes: 30,
        settings: valueModelSettings({ ...DEFAULT_SETTINGS, valueField: 'lifetime_value' }),
        notify: () => Promise.resolve(),
        onError: (err, at) => s.errors.push([err, at]),
        fetch: () => {
          polls++
          return polls === 2
            ? Promise.reject(new Error('search is down'))
            : Promise.resolve(s.state.page)
        },
      })
      warner.start()
      await jest.advanceTimersByTimeAsync(3 * MIN + 1)
      warner.stop()
      await jest.advanceTimersByTimeAsync(5 * MIN)
      expect(polls).toBe(4)
      expect(s.errors).toEqual([[new Error('search is down'), BREACH - 59 * MIN]])
    } finally {
      jest.useRealTimers()
    }
  })
})
