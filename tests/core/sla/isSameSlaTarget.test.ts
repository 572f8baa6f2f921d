import { isSameSlaTarget } from '@/core/sla/isSameSlaTarget'

const T = Date.UTC(2026, 9, 1, 12)

describe('isSameSlaTarget', () => {
  it.each([
    [0, true],
    [30, true],
    [-30, true],
    [31, false],
    [-240, false],
  ])('with a breach moved by %i minutes and a 30-minute window answers %p', (moved, same) => {
    expect(isSameSlaTarget(T, T + moved * 60_000, 30)).toBe(same)
  })

  it('never matches NaN', () => {
    expect(isSameSlaTarget(NaN, T, 30)).toBe(false)
    expect(isSameSlaTarget(T, NaN, 30)).toBe(false)
  })
})
