import { tierThresholdsFromDistribution } from '@/core/customer/tierThresholds'
import { tierOf } from '@/core/customer/vipTier'

describe('tierThresholdsFromDistribution', () => {
  it('puts the thresholds at the 80th, 95th and 99th percentiles', () => {
    const values = Array.from({ length: 101 }, (_, i) => i * 10)
    expect(tierThresholdsFromDistribution(values)).toEqual({
      silver: 800,
      gold: 950,
      platinum: 990,
    })
  })

  it('tiers about the top 1 / 5 / 20 % of customers', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000)
    const t = tierThresholdsFromDistribution(values)
    if (t === null) throw new Error('expected thresholds')
    const count = (tier: string): number => values.filter((v) => tierOf(v, t) === tier).length
    expect(count('platinum')).toBe(10)
    expect(count('gold')).toBe(40)
    expect(count('silver')).toBe(150)
  })

  describe('edge cases', () => {
    it('returns null with fewer than 20 usable values', () => {
      expect(tierThresholdsFromDistribution([1, 2, 3])).toBeNull()
      expect(
        tierThresholdsFromDistribution([...Array.from({ length: 25 }, () => Number.NaN), 1]),
      ).toBeNull()
      expect(tierThresholdsFromDistribution([1, 2, 3], { minCustomers: 3 })).not.toBeNull()
    })
  })
})
