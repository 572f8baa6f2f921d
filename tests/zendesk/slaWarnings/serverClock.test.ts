import { serverClock } from '@/zendesk/slaWarnings'
import type { SlaTicketsPage } from '@/zendesk/slaWarnings'

const BREACH = Date.UTC(2026, 9, 31, 23, 59)
const MIN = 60_000
/** The browser's clock in the workspace: a month after the simulated account's. */
const BROWSER = Date.UTC(2026, 11, 1, 1, 0)

function page(
  metrics: { minutes?: number; hours?: number; days?: number; breach_at?: string | null }[],
  serverNow: number | null = null,
): SlaTicketsPage {
  return {
    tickets: [
      {
        id: 1,
        status: 'open',
        created_at: '2026-10-01T00:00:00Z',
        slas: {
          policy_metrics: metrics.map((m) => ({
            metric: 'first_reply_time',
            stage: 'active',
            breach_at: new Date(BREACH).toISOString(),
            ...m,
          })),
        },
      },
    ],
    users: [],
    organizations: [],
    serverNow,
  }
}

describe('serverClock', () => {
  it("reads Zendesk's clock from a target's minutes left, whatever the browser's says", () => {
    expect(serverClock(page([{ minutes: 12 }]), BROWSER)).toBe(BREACH - 12 * MIN)
    expect(serverClock(page([{ minutes: 12 }, { minutes: 12 }, { minutes: -400 }]), BROWSER)).toBe(
      BREACH - 12 * MIN,
    )
  })

  it('keeps the Date header or the browser clock when coarse readings agree with it', () => {
    const near = BREACH - 3 * 60 * MIN - 10 * MIN
    expect(serverClock(page([{ hours: 3 }], near), BROWSER)).toBe(near)
    expect(serverClock(page([{ hours: 3 }]), near)).toBe(near)
  })

  it('trusts a coarse reading over a clock that is off by more than its unit', () => {
    expect(serverClock(page([{ hours: 3 }]), BROWSER)).toBe(BREACH - 3 * 60 * MIN)
    expect(serverClock(page([{ days: 2 }]), BROWSER)).toBe(BREACH - 2 * 24 * 60 * MIN)
  })

  it('falls back to the Date header, then the browser, without SLA readings', () => {
    expect(serverClock(page([{ breach_at: null }], BREACH), BROWSER)).toBe(BREACH)
    expect(serverClock(page([]), BROWSER)).toBe(BROWSER)
  })
})
