import { isTruthyFlag, median, parseInstant, parseMoney } from '@/core/customer/_lib/parse'

describe('parseMoney', () => {
  it.each([
    [1200, { amount: 1200, currency: null }],
    ['1,234.50', { amount: 1234.5, currency: null }],
    ['EUR 1200', { amount: 1200, currency: 'EUR' }],
    ['1200 usd', { amount: 1200, currency: 'USD' }],
    ['$99', { amount: 99, currency: 'USD' }],
    ['£5', { amount: 5, currency: 'GBP' }],
  ] as const)('reads %p', (raw, out) => {
    expect(parseMoney(raw)).toEqual(out)
  })

  it.each([[''], ['abc'], ['-5'], [-5], [Number.NaN], [true], [null], [undefined], ['1.2.3']])(
    'rejects %p',
    (raw) => {
      expect(parseMoney(raw)).toBeNull()
    },
  )
})

describe('parseInstant', () => {
  it('reads ISO strings and Unix seconds', () => {
    expect(parseInstant('2026-10-01T00:00:00Z')).toBe(Date.parse('2026-10-01T00:00:00Z'))
    expect(parseInstant(1_700_000_000)).toBe(1_700_000_000_000)
    expect(parseInstant('soon')).toBeNull()
    expect(parseInstant(null)).toBeNull()
  })
})

describe('isTruthyFlag', () => {
  it.each([
    [true, true],
    ['Yes', true],
    ['high', true],
    [1, true],
    [0, false],
    ['no', false],
    [null, false],
  ] as const)('reads %p as %p', (raw, out) => {
    expect(isTruthyFlag(raw)).toBe(out)
  })
})

describe('median', () => {
  it('interpolates and leaves the input alone', () => {
    const xs = [3, 1, 2, 10]
    expect(median(xs)).toBe(2.5)
    expect(xs).toEqual([3, 1, 2, 10])
    expect(median([])).toBeNull()
  })
})
