import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { policyFor } from '@sim/entities'

const BASE = 'https://retention-radar.zendesk.com'
const MINUTE = 60_000

type PolicyMetric = {
  breach_at: string | null
  stage: 'active' | 'paused' | 'achieved'
  metric: string
  minutes?: number
  hours?: number
  days?: number
}
type Ticket = {
  id: number
  created_at: string
  priority: string
  status: string
  requester_id: number
  slas?: { policy_metrics: PolicyMetric[] }
}

function setup() {
  const account = createSimAccount({ tickets: 3000, seed: 11 })
  const api = createSimCore(account, { rateLimits: false })
  const get = async (path: string) => {
    const res = await api.fetch(new Request(`${BASE}${path}`))
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  return { account, get }
}

describe('include=slas', () => {
  it('keeps the reply target of every unanswered ticket active, breaching at creation + target', async () => {
    const { account, get } = setup()
    account.clock.advance(6 * 60 * MINUTE)
    const now = account.clock.now()
    const events = account.metricEvents()
    const replied = new Set(
      events
        .filter((e) => e.metric === 'reply_time' && e.type === 'fulfill')
        .map((e) => e.ticketId),
    )
    const waiting = account
      .tickets()
      .filter((v) => v.state.status !== 'deleted' && !replied.has(v.lifecycle.id))
    expect(waiting.length).toBeGreaterThan(0)
    for (const v of waiting) {
      const { ticket } = (await get(`/api/v2/tickets/${v.lifecycle.id}.json?include=slas`))
        .body as {
        ticket: Ticket
      }
      const reply = ticket.slas?.policy_metrics.find((m) => m.metric === 'first_reply_time')
      const due = Date.parse(ticket.created_at) + policyFor(ticket.priority).reply * MINUTE
      expect([ticket.id, reply?.stage, Date.parse(reply?.breach_at ?? '')]).toEqual([
        ticket.id,
        'active',
        due,
      ])
      const left = (due - now) / MINUTE
      const unit = Math.abs(left) < 60 ? 'minutes' : Math.abs(left) < 1440 ? 'hours' : 'days'
      expect(Object.keys(reply ?? {})).toContain(unit)
    }
  })

  it('marks solved tickets achieved, with no breach time, and agrees with the breach events', async () => {
    const { account, get } = setup()
    const solved = account.tickets().find((v) => v.state.status === 'solved')
    const { ticket } = (await get(`/api/v2/tickets/${solved?.lifecycle.id ?? 0}.json?include=slas`))
      .body as { ticket: Ticket }
    expect(ticket.slas?.policy_metrics.map((m) => [m.metric, m.stage, m.breach_at])).toEqual([
      ['first_reply_time', 'achieved', null],
      ['requester_wait_time', 'achieved', null],
    ])
    // A live ticket past its reply target without a reply has a breach time in the past, equal to
    // the time of its reply_time breach event.
    const now = account.clock.now()
    const events = account.metricEvents()
    const breached = events.find(
      (e) =>
        e.metric === 'reply_time' &&
        e.type === 'breach' &&
        account.ticket(e.ticketId)?.state.status !== 'deleted' &&
        !events.some(
          (f) => f.ticketId === e.ticketId && f.metric === 'reply_time' && f.type === 'fulfill',
        ),
    )
    expect(breached).toBeDefined()
    const late = (await get(`/api/v2/tickets/${breached?.ticketId ?? 0}.json?include=slas`)).body
      .ticket as Ticket
    const reply = late.slas?.policy_metrics.find((m) => m.metric === 'first_reply_time')
    expect(reply?.stage).toBe('active')
    expect(Date.parse(reply?.breach_at ?? '')).toBe(breached?.timeMs)
    expect(Date.parse(reply?.breach_at ?? '')).toBeLessThan(now)
    const left = reply?.minutes ?? reply?.hours ?? reply?.days ?? 0
    expect(left).toBeLessThan(0)
  })

  it('is offered on the requested-tickets list and refused elsewhere by name', async () => {
    const { account, get } = setup()
    const requester = account.ticketJson(account.tickets()[10]!).requester_id as number
    const list = (await get(`/api/v2/users/${requester}/tickets/requested.json?include=slas`)).body
      .tickets as Ticket[]
    expect(list.length).toBeGreaterThan(0)
    expect(list.every((t) => Array.isArray(t.slas?.policy_metrics))).toBe(true)
    const plain = (await get(`/api/v2/users/${requester}/tickets/requested.json`)).body
      .tickets as Ticket[]
    expect(plain.some((t) => 'slas' in t)).toBe(false)
    const refused = await get('/api/v2/incremental/tickets/cursor.json?start_time=0&include=slas')
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain("include: 'slas' is not supported here")
  })
})
