import { act, screen } from '@testing-library/react'

import type { SlaWarning } from '@/core'
import { slaWarningNotice } from '@/ui/sidebar/model'
import { closeNoticeSenders } from '@/zendesk/notices/channel'
import { standingKey } from '@/zendesk/slaWarnings'

import { MINUTE, vipAccount } from './fakeAccount'
import { renderSidebar, settledScore as score } from './renderSidebar'

const AGENT = 7001
const key = standingKey('demo', AGENT)

function warning(extra: Partial<SlaWarning> = {}): SlaWarning {
  return {
    ticketId: 100,
    metric: 'first_reply_time',
    assigneeId: AGENT,
    tier: 'platinum',
    breachAt: Date.now() + 12 * MINUTE,
    minutesLeft: 12,
    ...extra,
  }
}

function render(locale = 'en-US') {
  return renderSidebar(vipAccount(), {
    values: {
      currentUser: { id: AGENT, name: 'Ana Agent', role: 'agent', locale },
    },
  })
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})
afterAll(() => closeNoticeSenders())

describe('slaWarningNotice', () => {
  const now = Date.UTC(2026, 0, 5, 9, 0)

  it('counts the minutes again from now and names the metric', () => {
    expect(slaWarningNotice(warning({ breachAt: now + 90_000, minutesLeft: 3 }), now)).toEqual({
      tier: 'platinum',
      metric: 'firstReplyTime',
      minutesLeft: 2,
    })
  })

  it('keeps at least one minute until the breach, and nothing once it has passed', () => {
    expect(slaWarningNotice(warning({ breachAt: now + 5_000 }), now)?.minutesLeft).toBe(1)
    expect(slaWarningNotice(warning({ breachAt: now }), now)).toBeNull()
    expect(slaWarningNotice(warning({ breachAt: Number.NaN }), now)).toBeNull()
    expect(slaWarningNotice(null, now)).toBeNull()
  })

  it('names a metric it does not know generically', () => {
    expect(
      slaWarningNotice(warning({ metric: 'custom_metric', breachAt: now + MINUTE }), now),
    ).toMatchObject({ metric: 'unknown' })
  })
})

describe('TicketSidebar SLA warning banner', () => {
  it("shows the background's warning for the open ticket at the top, as an alert", async () => {
    localStorage.setItem(key, JSON.stringify([warning()]))
    await render()
    await score()
    const banner = await screen.findByTestId('sla-warning')
    expect(banner).toHaveAttribute('role', 'alert')
    expect(banner).toHaveTextContent('Platinum customer: SLA about to breach')
    expect(banner).toHaveTextContent(/First reply: breach in 1[12] min\./)
    // first in the sidebar, above the score
    const main = screen.getByRole('main')
    expect(main.firstElementChild).toBe(banner)
  })

  it("shows no banner for another ticket's warning or none at all", async () => {
    localStorage.setItem(key, JSON.stringify([warning({ ticketId: 555 })]))
    await render()
    await score()
    expect(screen.queryByTestId('sla-warning')).toBeNull()
  })

  it('appears when another tab publishes the warning, and goes when it is withdrawn', async () => {
    await render()
    await score()
    expect(screen.queryByTestId('sla-warning')).toBeNull()
    act(() => {
      localStorage.setItem(
        key,
        JSON.stringify([warning({ tier: 'gold', metric: 'next_reply_time' })]),
      )
      window.dispatchEvent(new StorageEvent('storage', { key }))
    })
    expect(await screen.findByTestId('sla-warning')).toHaveTextContent(
      /Gold customer: SLA about to breach.*Next reply: breach in/,
    )
    act(() => {
      localStorage.setItem(key, JSON.stringify([]))
      window.dispatchEvent(new StorageEvent('storage', { key }))
    })
    expect(screen.queryByTestId('sla-warning')).toBeNull()
  })

  it("says it in the agent's language", async () => {
    localStorage.setItem(key, JSON.stringify([warning()]))
    await render('es-ES')
    await score()
    const banner = await screen.findByTestId('sla-warning')
    await screen.findByText(/Cliente Platino: el SLA está a punto de incumplirse/)
    expect(banner).toHaveTextContent(/Primera respuesta: incumplimiento en 1[12] min/)
  })

  it('ignores an unreadable standing entry', async () => {
    localStorage.setItem(key, '{not json')
    await render()
    await score()
    expect(screen.queryByTestId('sla-warning')).toBeNull()
  })
})
