import { act, renderHook } from '@testing-library/react'

import {
  DEFAULT_PREFS,
  prefsKey,
  readDashboardPrefs,
  useDashboardPrefs,
} from '@/zendesk/hooks/useDashboardPrefs'

beforeEach(() => localStorage.clear())

describe('dashboard prefs', () => {
  it('starts on the last 30 days and the overview', () => {
    expect(readDashboardPrefs(1, localStorage)).toEqual(DEFAULT_PREFS)
  })

  it('remembers range and tab per user', () => {
    const { result } = renderHook(() => useDashboardPrefs(7, localStorage))
    act(() => result.current[1]({ v: 1, range: { preset: '7' }, tab: 'team' }))
    expect(result.current[0]).toEqual({ v: 1, range: { preset: '7' }, tab: 'team' })
    expect(readDashboardPrefs(7, localStorage)).toEqual({
      v: 1,
      range: { preset: '7' },
      tab: 'team',
    })
    expect(readDashboardPrefs(8, localStorage)).toEqual(DEFAULT_PREFS)
  })

  it('keeps a custom range', () => {
    const { result } = renderHook(() => useDashboardPrefs(7, localStorage))
    const prefs = {
      v: 1,
      range: { custom: { from: '2026-10-01', to: '2026-11-01' } },
      tab: 'tiers',
    } as const
    act(() => result.current[1](prefs))
    expect(renderHook(() => useDashboardPrefs(7, localStorage)).result.current[0]).toEqual(prefs)
  })

  it('reads malformed or foreign entries as the defaults', () => {
    for (const raw of [
      '{',
      '{"v":2}',
      '{"v":1,"range":{"preset":"14"},"tab":"overview"}',
      'null',
    ]) {
      localStorage.setItem(prefsKey(3), raw)
      expect(readDashboardPrefs(3, localStorage)).toEqual(DEFAULT_PREFS)
    }
  })

  it('still changes the view when the browser refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    } as unknown as Storage
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { result } = renderHook(() => useDashboardPrefs(7, refusing))
    expect(result.current[0]).toEqual(DEFAULT_PREFS)
    act(() => result.current[1]({ ...DEFAULT_PREFS, tab: 'retention' }))
    expect(result.current[0].tab).toBe('retention')
    expect(warn).toHaveBeenCalled()
  })
})
