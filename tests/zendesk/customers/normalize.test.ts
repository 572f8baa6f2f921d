import { normalizeFields, normalizePriority, normalizeTags } from '@/zendesk/customers'
import type { CustomerReasonCounts } from '@/zendesk/customers'

describe('normalizeTags', () => {
  it('lower-cases arrays and splits strings', () => {
    const r: CustomerReasonCounts = {}
    expect(normalizeTags(['VIP_Gold', 'x'], r)).toEqual(['vip_gold', 'x'])
    expect(normalizeTags('a  b', r)).toEqual(['a', 'b'])
    expect(normalizeTags(undefined, r)).toEqual([])
    expect(r).toEqual({})
    expect(normalizeTags(42, r)).toEqual([])
    expect(r.invalidTags).toBe(1)
  })
})

describe('normalizeFields', () => {
  it('keeps scalar values only', () => {
    const r: CustomerReasonCounts = {}
    expect(normalizeFields({ a: 1, b: 'x', c: null, d: true, e: [1] }, r)).toEqual({
      a: 1,
      b: 'x',
      c: null,
      d: true,
    })
    expect(r.invalidFields).toBe(1)
    expect(normalizeFields('x', r)).toEqual({})
    expect(r.invalidFields).toBe(2)
  })
})

describe('normalizePriority', () => {
  it.each([
    ['urgent', 'urgent'],
    ['HIGH', 'high'],
    [null, null],
    ['', null],
  ] as const)('reads %p as %p', (raw, out) => {
    expect(normalizePriority(raw, {})).toBe(out)
  })

  it('counts unknown priorities', () => {
    const r: CustomerReasonCounts = {}
    expect(normalizePriority(3, r)).toBeNull()
    expect(r.unknownPriority).toBe(1)
  })
})
