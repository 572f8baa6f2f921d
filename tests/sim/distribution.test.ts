// Distribution tests on a generated account: channel mix, CSAT share, statuses, where Zendesk leaves
// nulls, and the planted relationships documented in docs/simulator.md.
import { generateExportPages } from '@sim/export'
import { CHANNEL_BASE_CHURN, CHURN_SATURATION_HOURS, churnProbability } from '@sim/skeleton'

type Ticket = {
  id: number
  status: string
  requester_id: number
  created_at: string
  via: { channel: string }
  satisfaction_rating: { score: string }
}
type Metric = {
  ticket_id: number
  replies: number
  solved_at: string | null
  reply_time_in_minutes: { calendar: number | null; business: number | null }
  full_resolution_time_in_minutes: { calendar: number | null; business: number | null }
  first_resolution_time_in_minutes: { calendar: number | null }
  agent_wait_time_in_minutes: { calendar: number | null }
}
type User = {
  id: number
  role: string
  user_fields?: { lifetime_value: number; last_order_at: string }
}

const END = Date.parse('2026-10-31T23:59:59Z')
const tickets: Ticket[] = []
const metrics = new Map<number, Metric>()
const users = new Map<number, User>()

beforeAll(() => {
  for (const page of generateExportPages({ tickets: 20_000, seed: 1 })) {
    tickets.push(...(page.tickets as Ticket[]))
    for (const m of page.metric_sets as Metric[]) metrics.set(m.ticket_id, m)
    for (const u of page.users as User[]) users.set(u.id, u)
  }
}, 60_000)

const share = (n: number, d: number): number => (d === 0 ? NaN : n / d)
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

/** Per customer: tickets, first channel, median full resolution (h), churned = no order in 60 days. */
function customers() {
  const byRequester = new Map<number, Ticket[]>()
  for (const t of tickets) {
    const list = byRequester.get(t.requester_id)
    if (list) list.push(t)
    else byRequester.set(t.requester_id, [t])
  }
  return [...byRequester].map(([id, list]) => {
    list.sort((a, b) => a.created_at.localeCompare(b.created_at))
    const res = list
      .map((t) => metrics.get(t.id)?.full_resolution_time_in_minutes.calendar)
      .filter((x): x is number => typeof x === 'number')
    const user = users.get(id)
    const lastOrder = Date.parse(user?.user_fields?.last_order_at ?? '')
    return {
      id,
      tickets: list.length,
      firstChannel: list[0]?.via.channel ?? '',
      lastTicketMs: Date.parse(list[list.length - 1]?.created_at ?? ''),
      medianResHours: res.length > 0 ? median(res) / 60 : NaN,
      resolved: res.length,
      value: user?.user_fields?.lifetime_value ?? NaN,
      churned: lastOrder < END - 60 * 86_400_000,
    }
  })
}

describe('generated account distributions', () => {
  it('mixes channels as documented', () => {
    const count = (c: string): number => tickets.filter((t) => t.via.channel === c).length
    expect(share(count('email'), tickets.length)).toBeGreaterThan(0.25)
    expect(share(count('email'), tickets.length)).toBeLessThan(0.42)
    for (const c of [
      'web',
      'api',
      'chat',
      'native_messaging',
      'voice',
      'mobile',
      'twitter',
      'facebook',
    ]) {
      expect(count(c)).toBeGreaterThan(0)
    }
  })

  it('has every status, including deleted tickets', () => {
    const statuses = new Set(tickets.map((t) => t.status))
    for (const s of ['new', 'open', 'pending', 'solved', 'closed', 'deleted'])
      expect(statuses).toContain(s)
  })

  it('keeps CSAT good share between 85 and 92 % and leaves most surveys unanswered', () => {
    const scores = tickets.map((t) => t.satisfaction_rating.score)
    const good = scores.filter((s) => s === 'good').length
    const bad = scores.filter((s) => s === 'bad').length
    const offered = scores.filter((s) => s === 'offered').length
    expect(share(good, good + bad)).toBeGreaterThan(0.85)
    expect(share(good, good + bad)).toBeLessThan(0.92)
    expect(offered).toBeGreaterThan(good + bad)
    expect(scores).toContain('unoffered')
  })

  it('leaves metrics null exactly until both events happened', () => {
    const violations: string[] = []
    const check = (ok: boolean, what: string, id: number): void => {
      if (!ok) violations.push(`ticket ${id}: ${what}`)
    }
    for (const t of tickets) {
      const m = metrics.get(t.id)
      if (t.status === 'deleted') {
        check(m === undefined, 'deleted ticket has a metric set', t.id)
        continue
      }
      if (!m) {
        violations.push(`ticket ${t.id}: no metric set`)
        continue
      }
      const solved = t.status === 'solved' || t.status === 'closed'
      check((m.solved_at === null) === !solved, 'solved_at', t.id)
      check(
        (m.full_resolution_time_in_minutes.calendar === null) === !solved,
        'full resolution',
        t.id,
      )
      check((m.agent_wait_time_in_minutes.calendar === null) === !solved, 'agent wait', t.id)
      check((m.reply_time_in_minutes.calendar === null) === (m.replies === 0), 'reply time', t.id)
      if (solved) {
        const full = m.full_resolution_time_in_minutes.calendar ?? 0
        check(
          (m.first_resolution_time_in_minutes.calendar ?? Infinity) <= full,
          'first ≤ full',
          t.id,
        )
        check(
          (m.full_resolution_time_in_minutes.business ?? Infinity) <= full,
          'business ≤ calendar',
          t.id,
        )
      }
    }
    expect(violations.slice(0, 5)).toEqual([])
  })

  it('plants: slower resolution goes with more churn, flattening past the saturation point', () => {
    // Within one first-contact channel (live channels are both faster and more loyal: a confounder), and
    // over customers with at least 3 solved tickets (a median of one or two tickets is mostly noise, and
    // churned customers have fewer tickets, so their medians land in the tails more often).
    const cs = customers().filter(
      (c) => c.resolved >= 3 && ['email', 'web'].includes(c.firstChannel),
    )
    const churn = (lo: number, hi: number): number => {
      const band = cs.filter((c) => c.medianResHours >= lo && c.medianResHours < hi)
      return share(band.filter((c) => c.churned).length, band.length)
    }
    const fast = churn(0, 12)
    const medium = churn(24, 48)
    const slow = churn(48, 96)
    expect(medium - fast).toBeGreaterThan(0.1)
    // Past saturation the lift stops growing (the tail past 96 h is thin and dominated by the long
    // pending/on-hold tickets, so it is left out here; see docs/simulator.md).
    expect(Math.abs(slow - medium)).toBeLessThan(0.05)
    // The generator's own curve is flat past CHURN_SATURATION_HOURS.
    expect(churnProbability('email', (CHURN_SATURATION_HOURS * 2) / 20)).toBeCloseTo(
      churnProbability('email', (CHURN_SATURATION_HOURS * 4) / 20),
    )
  })

  it('plants: churned customers stop contacting', () => {
    const cs = customers()
    const recent = (c: { lastTicketMs: number }): boolean => c.lastTicketMs > END - 45 * 86_400_000
    const churned = cs.filter((c) => c.churned)
    const retained = cs.filter((c) => !c.churned)
    expect(share(churned.filter(recent).length, churned.length)).toBeLessThan(
      share(retained.filter(recent).length, retained.length) - 0.1,
    )
  })

  it('plants: loyalty differs by first-contact channel', () => {
    const cs = customers()
    const churn = (channels: string[]): number => {
      const band = cs.filter((c) => channels.includes(c.firstChannel))
      return share(band.filter((c) => c.churned).length, band.length)
    }
    expect(CHANNEL_BASE_CHURN.voice).toBeLessThan(CHANNEL_BASE_CHURN.twitter)
    expect(churn(['twitter', 'facebook', 'api'])).toBeGreaterThan(
      churn(['voice', 'chat', 'native_messaging']) + 0.05,
    )
  })

  it('plants: high-value customers contact more often', () => {
    const cs = customers().filter((c) => Number.isFinite(c.value))
    const sorted = [...cs].sort((a, b) => a.value - b.value)
    const q = Math.floor(sorted.length / 4)
    const mean = (xs: { tickets: number }[]): number =>
      xs.reduce((s, c) => s + c.tickets, 0) / xs.length
    expect(mean(sorted.slice(-q))).toBeGreaterThan(mean(sorted.slice(0, q)) * 1.3)
  })
})
