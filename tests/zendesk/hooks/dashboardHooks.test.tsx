import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'

import { createQueryClient } from '@/zendesk/hooks/queryClient'
import { useDrillDown } from '@/zendesk/hooks/useDrillDown'
import { ReportSourceProvider } from '@/zendesk/hooks/useReportSource'
import { useRetentionReport } from '@/zendesk/hooks/useRetentionReport'
import { BEHIND_POLL_MS, statusPollMs, useSyncStatus } from '@/zendesk/hooks/useSyncStatus'
import { useTeamNames, useTeamReport } from '@/zendesk/hooks/useTeamReport'
import type { ReportSource } from '@/zendesk/report/types'

import { fakeReportSource, RETENTION } from '../../locations/nav_bar/fakeReportSource'

const RANGE = { from: '2026-10-01', to: '2026-11-01', timeZone: 'UTC' }

function wrapper(source: ReportSource) {
  const client = createQueryClient()
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <ReportSourceProvider source={source}>{children}</ReportSourceProvider>
    </QueryClientProvider>
  )
}

describe('dashboard hooks', () => {
  it('asks the source for the report of the range, split by tier only when asked', async () => {
    const source = fakeReportSource()
    const plain = renderHook(() => useTeamReport(RANGE), { wrapper: wrapper(source) })
    await waitFor(() => expect(plain.result.current.isSuccess).toBe(true))
    expect(plain.result.current.data?.segments).toBeUndefined()
    const split = renderHook(() => useTeamReport(RANGE, 'tier'), { wrapper: wrapper(source) })
    await waitFor(() => expect(split.result.current.data?.segments?.gold).toBeDefined())
    expect(source.calls.report).toEqual([RANGE, RANGE])
    expect(source.calls.segments).toEqual([null, 'tier'])
  })

  it('waits while there is no range yet', () => {
    const source = fakeReportSource()
    const { result } = renderHook(() => useTeamReport(null), { wrapper: wrapper(source) })
    expect(result.current.fetchStatus).toBe('idle')
    expect(source.calls.report).toEqual([])
  })

  it('reads retention only when asked', async () => {
    const source = fakeReportSource()
    const off = renderHook(() => useRetentionReport(RANGE, false), { wrapper: wrapper(source) })
    expect(off.result.current.fetchStatus).toBe('idle')
    const on = renderHook(() => useRetentionReport(RANGE), { wrapper: wrapper(source) })
    await waitFor(() => expect(on.result.current.data).toEqual(RETENTION))
  })

  it('gives the status with a ticking clock', async () => {
    const source = fakeReportSource({ complete: false })
    const { result } = renderHook(() => useSyncStatus(), { wrapper: wrapper(source) })
    await waitFor(() => expect(result.current.data?.complete).toBe(false))
    expect(typeof result.current.now).toBe('number')
  })

  it('polls the status only while the figures lag the account', () => {
    expect(statusPollMs(undefined)).toBe(false)
    expect(statusPollMs({ complete: false, behindSince: null })).toBe(BEHIND_POLL_MS)
    expect(statusPollMs({ complete: true, behindSince: 1_000 })).toBe(BEHIND_POLL_MS)
    expect(statusPollMs({ complete: true, behindSince: null })).toBe(false)
    expect(statusPollMs({ complete: true })).toBe(false)
  })

  it('asks a current status once, then only on change notices', async () => {
    jest.useFakeTimers({ advanceTimers: true })
    try {
      const source = fakeReportSource({ complete: true })
      const status = jest.spyOn(source, 'status')
      const { result } = renderHook(() => useSyncStatus(), { wrapper: wrapper(source) })
      await waitFor(() => expect(result.current.data?.complete).toBe(true))
      await act(async () => {
        await jest.advanceTimersByTimeAsync(4 * BEHIND_POLL_MS)
      })
      expect(status).toHaveBeenCalledTimes(1)
    } finally {
      jest.useRealTimers()
    }
  })

  it('drills into one figure, and waits while there is none', async () => {
    const source = fakeReportSource()
    const figure = { range: RANGE, select: { kind: 'kpi', kpi: 'solved' } } as const
    const drill = renderHook(() => useDrillDown(figure), { wrapper: wrapper(source) })
    await waitFor(() => expect(drill.result.current.data?.total).toBe(2))
    const none = renderHook(() => useDrillDown(null), { wrapper: wrapper(source) })
    expect(none.result.current.fetchStatus).toBe('idle')
  })

  it('names people and groups, or gives an empty lookup when the source cannot', async () => {
    const source = fakeReportSource()
    const named = renderHook(() => useTeamNames({ users: [10, 10, 11], groups: [100] }), {
      wrapper: wrapper(source),
    })
    await waitFor(() => expect(named.result.current.data?.users[10]).toBe('Ana Agent'))
    const nameless: ReportSource = { ...source, names: undefined }
    const anonymous = renderHook(() => useTeamNames({ users: [10], groups: [] }), {
      wrapper: wrapper(nameless),
    })
    await waitFor(() => expect(anonymous.result.current.data).toEqual({ users: {}, groups: {} }))
  })
})
