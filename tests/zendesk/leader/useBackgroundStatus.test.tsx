import { act, screen } from '@testing-library/react'

import type { BackgroundStatus } from '@/zendesk/leader'
import { useBackgroundStatus } from '@/zendesk/leader/useBackgroundStatus'
import { renderInZendesk } from '../../support/render'

function status(used: number): BackgroundStatus {
  return {
    leader: { tabId: 'tab-1', since: 0, expiresAt: 1, mode: 'web-locks' },
    sync: null,
    budget: { used, sync: used, interactive: 0, budget: 20, pausedUntil: null },
    shared: true,
  }
}

describe('useBackgroundStatus', () => {
  it('reads the status of the account and follows it', async () => {
    jest.useFakeTimers()
    try {
      let used = 3
      const asked: string[] = []
      const read = (subdomain: string) => {
        asked.push(subdomain)
        return status(used)
      }
      function Status() {
        const s = useBackgroundStatus(5_000, read)
        return <p>{`${s.leader?.tabId ?? 'none'}: ${s.budget.used}/${s.budget.budget}`}</p>
      }
      await renderInZendesk(<Status />)
      expect(screen.getByText('tab-1: 3/20')).toBeTruthy()
      used = 7
      await act(async () => {
        await jest.advanceTimersByTimeAsync(5_000)
      })
      expect(screen.getByText('tab-1: 7/20')).toBeTruthy()
      used = 8
      act(() => {
        window.dispatchEvent(new StorageEvent('storage', { key: 'retention-radar-budget:demo' }))
      })
      expect(screen.getByText('tab-1: 7/20')).toBeTruthy()
      act(() => {
        window.dispatchEvent(new StorageEvent('storage', { key: 'retention-radar-leader:demo' }))
      })
      expect(screen.getByText('tab-1: 8/20')).toBeTruthy()
      expect(new Set(asked)).toEqual(new Set(['demo']))
    } finally {
      jest.useRealTimers()
    }
  })
})
