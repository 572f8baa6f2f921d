import { createZendeskClient } from '@/zendesk/api/client'
import { createGovernor } from '@/zendesk/governor'
import { memoryStore } from '@/zendesk/leader/tabs'
import { createSlaWarner, startSlaWarnings, warnedKey } from '@/zendesk/slaWarnings'
import type { SlaTicketsPage } from '@/zendesk/slaWarnings'
import { DEFAULT_SETTINGS } from '@/zendesk/settings'
import type { SlaWarningsOptions } from '@/zendesk/slaWarnings/startSlaWarnings'
import { createFakeZafClient } from '../../support/fakeZafClient'
import { createFakeTransport } from '../support/fakeTransport'

const BREACH = Date.UTC(2026, 9, 31, 23, 59)

const page: SlaTicketsPage = {
  tickets: [
    {
      id: 100,
      status: 'open',
      created_at: '2026-10-31T20:00:00Z',
      requester_id: 501,
      assignee_id: 7,
      tags: ['vip_platinum'],
      slas: {
        policy_metrics: [
          {
            metric: 'first_reply_time',
            stage: 'active',
            breach_at: new Date(BREACH).toISOString(),
          },
        ],
      },
    },
  ],
  users: [{ id: 501, name: 'Ada' }],
  organizations: [],
  serverNow: BREACH - 12 * 60_000,
}

function fakeElection(leading: boolean) {
  const listeners = new Set<(l: boolean) => void>()
  return {
    isLeader: () => leading,
    onChange: (l: (l: boolean) => void) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    set(next: boolean) {
      leading = next
      for (const l of listeners) l(next)
    },
  }
}

/** What every start here shares: agent 7's warnings over the page above, leading, in memory. */
function startOptions(
  zaf: SlaWarningsOptions['zaf'],
  options: Partial<SlaWarningsOptions> = {},
): SlaWarningsOptions {
  return {
    zaf,
    subdomain: 'acme',
    settings: DEFAULT_SETTINGS,
    client: createZendeskClient(createGovernor(createFakeTransport(() => new Error('unused')))),
    election: fakeElection(true),
    store: memoryStore(),
    events: new EventTarget(),
    warn: () => undefined,
    createWarner: (o) => createSlaWarner({ ...o, fetch: () => Promise.resolve(page) }),
    ...options,
  }
}

function setup(leading: boolean, store = memoryStore(), locale = 'es') {
  const zaf = createFakeZafClient({
    values: { currentUser: { id: 7, name: 'Ada', role: 'agent', locale } },
  })
  const events = new EventTarget()
  const election = fakeElection(leading)
  const started = startSlaWarnings(startOptions(zaf, { election, store, events }))
  return { zaf, events, election, store, started }
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

describe('startSlaWarnings', () => {
  it("notifies the leader tab's agent in their language, as a sticky alert", async () => {
    const s = setup(true)
    const { stop } = await s.started
    await flush()
    await flush()
    expect(s.zaf.invocations).toEqual([
      {
        name: 'notify',
        args: ['El ticket VIP #100 incumplirá su SLA en 12 min.', 'alert', { sticky: true }],
      },
    ])
    stop()
  })

  it('shows in a follower tab what the leader recorded, once', async () => {
    const store = memoryStore()
    const follower = setup(false, store, 'en')
    const { stop } = await follower.started
    const record = {
      ticketId: 100,
      metric: 'first_reply_time',
      assigneeId: 7,
      breachAt: BREACH,
      warnedAt: BREACH - 12 * 60_000,
    }
    store.set(warnedKey('acme', 7), JSON.stringify([record]))
    const event = Object.assign(new Event('storage'), { key: warnedKey('acme', 7) })
    follower.events.dispatchEvent(event)
    follower.events.dispatchEvent(event)
    await flush()
    expect(follower.zaf.invocations).toEqual([
      {
        name: 'notify',
        args: ['VIP ticket #100 breaches its SLA in 12 min.', 'alert', { sticky: true }],
      },
    ])
    stop()
  })

  it('polls nothing in a follower tab until it leads', async () => {
    const s = setup(false)
    const { stop } = await s.started
    await flush()
    expect(s.zaf.invocations).toEqual([])
    s.election.set(true)
    await flush()
    await flush()
    expect(s.zaf.invocations).toHaveLength(1)
    stop()
  })

  it('takes the signed-in user from the caller without asking ZAF again', async () => {
    // ZAF would fail the read: the warnings start all the same, in the given user's language
    const zaf = createFakeZafClient({ failures: { currentUser: 'no user' } })
    const warnings: string[] = []
    const { stop } = await startSlaWarnings(
      startOptions(zaf, {
        user: { id: 7, name: 'Ada', role: 'agent', customRoleName: null, locale: 'es' },
        warn: (m) => warnings.push(m),
      }),
    )
    await flush()
    await flush()
    expect(warnings).toEqual([])
    expect(zaf.invocations.map((i) => i.args[0])).toEqual([
      'El ticket VIP #100 incumplirá su SLA en 12 min.',
    ])
    stop()
  })

  it('stays off, saying why, when the signed-in user cannot be read', async () => {
    const zaf = createFakeZafClient({ failures: { currentUser: 'no user' } })
    const warnings: string[] = []
    const { stop } = await startSlaWarnings(startOptions(zaf, { warn: (m) => warnings.push(m) }))
    expect(warnings).toEqual(['SLA warnings are off: the signed-in user could not be read'])
    stop()
  })
})
