import { isRecord } from '@/core/_lib/isRecord'
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/core/_lib/time'

describe('isRecord', () => {
  it.each([
    [{}, true],
    [{ id: 1 }, true],
    [[], false],
    [null, false],
    [undefined, false],
    ['{}', false],
    [3, false],
  ])('%j → %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected)
  })
})

describe('time constants', () => {
  it('are consistent with each other and with Date', () => {
    expect(HOUR_MS).toBe(60 * MINUTE_MS)
    expect(DAY_MS).toBe(24 * HOUR_MS)
    expect(Date.UTC(2026, 0, 2) - Date.UTC(2026, 0, 1)).toBe(DAY_MS)
  })
})
