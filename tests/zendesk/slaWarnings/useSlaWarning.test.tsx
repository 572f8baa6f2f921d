import { act, screen } from '@testing-library/react'

import type { SlaWarning } from '@/core'
import { memoryStore } from '@/zendesk/leader/tabs'
import { standingKey, writeStanding } from '@/zendesk/slaWarnings'
import { standingWarningFor, useSlaWarning } from '@/zendesk/slaWarnings/useSlaWarning'
import { renderInZendesk } from '../../support/render'

const warning = (ticketId: number, minutesLeft: number): SlaWarning => ({
  ticketId,
  metric: 'first_reply_time',
  assigneeId: 7,
  tier: 'platinum',
  breachAt: Date.UTC(2026, 9, 31, 23, 59) - (30 - minutesLeft) * 60_000,
  minutesLeft,
})

describe('useSlaWarning', () => {
  it("shows the signed-in agent's standing warning of the ticket and follows changes from other tabs", async () => {
    const store = memoryStore()
    const key = standingKey('demo', 7)
    function Banner() {
      const w = useSlaWarning(100, store)
      return <p>{w === null ? 'no warning' : `${w.metric} in ${w.minutesLeft} min`}</p>
    }
    await renderInZendesk(<Banner />, {
      values: { currentUser: { id: 7, name: 'Ada', role: 'agent' } },
    })
    expect(await screen.findByText('no warning')).toBeTruthy()
    act(() => {
      writeStanding(store, key, [warning(101, 3), warning(100, 12)])
      window.dispatchEvent(new StorageEvent('storage', { key }))
    })
    expect(await screen.findByText('first_reply_time in 12 min')).toBeTruthy()
    act(() => {
      writeStanding(store, key, [])
      window.dispatchEvent(new StorageEvent('storage', { key }))
    })
    expect(await screen.findByText('no warning')).toBeTruthy()
  })
})

describe('standingWarningFor', () => {
  it('picks the soonest breach of the ticket', () => {
    const soon = { ...warning(100, 5), metric: 'requester_wait_time' }
    expect(standingWarningFor([warning(100, 12), soon, warning(101, 1)], 100)).toBe(soon)
    expect(standingWarningFor([warning(100, 12)], null)).toBeNull()
    expect(standingWarningFor([], 100)).toBeNull()
  })
})
