// The scenario helpers browser tests use, over HTTP against a simulator server (as they reach the
// workspace's): each makes its ticket through the Zendesk routes, and the result reads as promised.
import { createManualClock } from '@sim/clock'
import { type SimServer, startSimServer } from '@sim/server'
import { buildSkeleton } from '@sim/skeleton'
import {
  type SimTarget,
  createAnonymousRequesterTicket,
  createDeletedRequesterTicket,
  createNewCustomerTicket,
  createSuspendedRequesterTicket,
  createVipTicketWithRunningSla,
  reassignTicket,
  replyToTicket,
  requestersByTier,
  simTarget,
  zendesk,
} from '@sim/workspace/scenarios'

const MINUTE = 60_000
let server: SimServer
let target: SimTarget

beforeAll(async () => {
  const options = { tickets: 3000, seed: 1 }
  server = await startSimServer({
    ...options,
    port: 0,
    rateLimits: false,
    clock: createManualClock(buildSkeleton(options).endMs),
  })
  target = { url: server.url, email: server.account.adminEmail, token: server.account.apiToken }
})
afterAll(() => server.close())

const user = async (id: number) =>
  (await zendesk(target, 'GET', `/api/v2/users/${id}.json`)).user as Record<string, unknown>

describe('scenario helpers', () => {
  it('makes a Gold ticket whose first reply SLA breaches in the minutes asked', async () => {
    const start = server.account.clock.now()
    const vip = await createVipTicketWithRunningSla(target, { tier: 'gold', minutesToBreach: 20 })
    expect(vip).toMatchObject({
      priority: 'urgent',
      clockAdvancedMinutes: 40,
      assigneeId: 10_000_100,
    })
    const now = server.account.clock.now()
    expect(now - start).toBe(40 * MINUTE)
    expect(Date.parse(vip.breachAt) - Math.floor(now / 1000) * 1000).toBe(20 * MINUTE)
    const [gold] = await requestersByTier(target, 'gold', 1)
    expect(vip.requesterId).toBe(gold?.id)
    const sla = (vip.ticket.slas as { policy_metrics: { metric: string; minutes?: number }[] })
      .policy_metrics
    expect(sla.find((m) => m.metric === 'first_reply_time')?.minutes).toBe(20)
    // The request log shows the admin made them.
    expect(server.api.log.count({ method: 'POST', path: '/api/v2/tickets', status: 201 })).toBe(1)
  })

  it('picks the priority whose target fits and leaves the clock alone when they are equal', async () => {
    const start = server.account.clock.now()
    const vip = await createVipTicketWithRunningSla(target, {
      tier: 'platinum',
      minutesToBreach: 240,
      assigneeId: 10_000_101,
    })
    expect(vip).toMatchObject({ priority: 'high', clockAdvancedMinutes: 0, assigneeId: 10_000_101 })
    expect(server.account.clock.now()).toBe(start)
    await expect(
      createVipTicketWithRunningSla(target, { tier: 'gold', minutesToBreach: 2000 }),
    ).rejects.toThrow(/minutesToBreach must be from 1 to/)
    await expect(
      createVipTicketWithRunningSla(target, {
        tier: 'gold',
        minutesToBreach: 90,
        priority: 'urgent',
      }),
    ).rejects.toThrow(/urgent: 60 min/)
  })

  it('makes tickets of anonymous, suspended, deleted and new requesters', async () => {
    const anonymous = await createAnonymousRequesterTicket(target)
    expect(anonymous.ticket).toMatchObject({ via: { channel: 'voice' }, status: 'open' })
    expect(await user(anonymous.requesterId)).toMatchObject({
      name: 'Caller +1 (555) 010-0142',
      email: null,
      verified: false,
    })
    const suspended = await createSuspendedRequesterTicket(target, { lifetimeValue: 60000 })
    expect(await user(suspended.requesterId)).toMatchObject({
      suspended: true,
      user_fields: { lifetime_value: 60000 },
    })
    const deleted = await createDeletedRequesterTicket(target)
    expect(deleted.ticket).toMatchObject({ status: 'closed', requester_id: deleted.requesterId })
    expect(await user(deleted.requesterId)).toMatchObject({ active: false })
    const fresh = await createNewCustomerTicket(target)
    const history = await zendesk(
      target,
      'GET',
      `/api/v2/users/${fresh.requesterId}/tickets/requested`,
    )
    expect((history.tickets as { id: number }[]).map((t) => t.id)).toEqual([fresh.ticketId])
  })

  it('reassigns and replies: the new assignee and their group, the first reply target met', async () => {
    const vip = await createVipTicketWithRunningSla(target, { tier: 'silver', minutesToBreach: 60 })
    const moved = await reassignTicket(target, vip.ticketId, 10_000_101)
    expect(moved.ticket).toMatchObject({ assignee_id: 10_000_101, group_id: 30_000_001 })
    await replyToTicket(target, vip.ticketId)
    const now = await zendesk(target, 'GET', `/api/v2/tickets/${vip.ticketId}?include=slas`)
    const stages = (now.ticket as { slas: { policy_metrics: { metric: string; stage: string }[] } })
      .slas.policy_metrics
    expect(stages.map((m) => [m.metric, m.stage])).toEqual([
      ['first_reply_time', 'achieved'],
      ['requester_wait_time', 'active'],
    ])
  })

  it('says clearly when the URL is not a workspace', async () => {
    await expect(simTarget(server.url)).rejects.toThrow(
      /is not a workspace: GET \/workspace\/api\/sim → 404/,
    )
    await expect(zendesk(target, 'GET', '/api/v2/tickets/999999')).rejects.toThrow(/→ 404/)
  })
})
