import { IdTable } from '@/core/_lib/idTable'

describe('IdTable', () => {
  it('maps ids, large ones included, to rows and grows', () => {
    const t = new IdTable(2)
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? i + 1 : 360_000_000_000 + i))
    ids.forEach((id, row) => t.set(id, row))
    expect(t.size).toBe(5000)
    expect(ids.every((id, row) => t.get(id) === row)).toBe(true)
    expect(t.get(42_000_000_000)).toBe(-1)
  })

  it('overwrites an existing id', () => {
    const t = new IdTable()
    t.set(7, 1)
    t.set(7, 2)
    expect(t.get(7)).toBe(2)
    expect(t.size).toBe(1)
  })
})
