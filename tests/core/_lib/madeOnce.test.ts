import { madeOnce } from '@/core'

describe('madeOnce', () => {
  it('makes the value of a key on first use and returns the kept one afterwards', () => {
    const cache = new Map<string, { n: number }>()
    let made = 0
    const make = () => ({ n: ++made })
    const first = madeOnce(cache, 'a', make)
    expect(madeOnce(cache, 'a', make)).toBe(first)
    expect(madeOnce(cache, 'b', make)).toEqual({ n: 2 })
    expect(made).toBe(2)
  })

  it('keys a WeakMap by object', () => {
    const cache = new WeakMap<object, string>()
    const key = {}
    expect(madeOnce(cache, key, () => 'one')).toBe('one')
    expect(madeOnce(cache, key, () => 'two')).toBe('one')
    expect(madeOnce(cache, {}, () => 'three')).toBe('three')
  })
})
