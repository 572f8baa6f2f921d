import { act, renderHook } from '@testing-library/react'

import { useAfterFirstPaint } from '@/locations/ticket_sidebar/useAfterFirstPaint'

describe('useAfterFirstPaint', () => {
  let frames: FrameRequestCallback[]
  beforeEach(() => {
    frames = []
    jest.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb))
    jest.spyOn(window, 'cancelAnimationFrame').mockImplementation(() => undefined)
  })
  afterEach(() => jest.restoreAllMocks())

  it('is false in the first render and turns true in the frame after it', () => {
    const { result } = renderHook(() => useAfterFirstPaint())
    expect(result.current).toBe(false)
    expect(frames).toHaveLength(1)
    act(() => frames.forEach((cb) => cb(0)))
    expect(result.current).toBe(true)
  })

  it('asks for no frame once it is true, and cancels its frame when unmounted first', () => {
    const { result, rerender, unmount } = renderHook(() => useAfterFirstPaint())
    act(() => frames.splice(0).forEach((cb) => cb(0)))
    rerender()
    expect(result.current).toBe(true)
    expect(frames).toHaveLength(0)
    const second = renderHook(() => useAfterFirstPaint())
    second.unmount()
    expect(window.cancelAnimationFrame).toHaveBeenCalled()
    unmount()
  })
})
