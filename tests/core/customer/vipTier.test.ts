import { tierOf, vipTier } from '@/core/customer/vipTier'

const T = { silver: 1000, gold: 2500, platinum: 10000 }

describe('vipTier', () => {
  it.each([
    [0, 'standard'],
    [999.99, 'standard'],
    [1000, 'silver'],
    [2499, 'silver'],
    [2500, 'gold'],
    [10000, 'platinum'],
    [1e9, 'platinum'],
  ] as const)('classifies a value of %p as %s', (value, tier) => {
    expect(vipTier(value, [], { thresholds: T }).tier).toBe(tier)
  })

  it('says what the next tier needs', () => {
    expect(vipTier(3000, [], { thresholds: T })).toMatchObject({
      tier: 'gold',
      source: 'threshold',
      nextTier: { tier: 'platinum', at: 10000, gap: 7000 },
    })
    expect(vipTier(0, [], { thresholds: T }).nextTier).toEqual({
      tier: 'silver',
      at: 1000,
      gap: 1000,
    })
    expect(vipTier(20000, [], { thresholds: T }).nextTier).toBeNull()
  })

  it('lets a tier tag override the value, strongest tag first', () => {
    expect(vipTier(50, ['vip_silver', 'VIP_GOLD'], { thresholds: T })).toMatchObject({
      tier: 'gold',
      source: 'tag',
      tag: 'vip_gold',
      nextTier: { tier: 'platinum', at: 10000, gap: 9950 },
    })
  })

  it('reports the value as the reason when a tag only agrees with it', () => {
    expect(vipTier(3000, ['vip_gold'], { thresholds: T })).toMatchObject({
      tier: 'gold',
      source: 'threshold',
      tag: null,
    })
  })

  it('rounds the gap to the next tier to cents', () => {
    expect(
      vipTier(3146.68, [], { thresholds: { silver: 1049.83, gold: 2321.57, platinum: 4393.23 } })
        .nextTier?.gap,
    ).toBe(1246.55)
  })

  it('never lets a weaker tag lower a tier earned by value', () => {
    expect(vipTier(12000, ['vip_silver'], { thresholds: T })).toMatchObject({
      tier: 'platinum',
      source: 'threshold',
      tag: null,
    })
  })

  it('uses the account percentiles when no thresholds are configured', () => {
    const percentile = { silver: 100, gold: 200, platinum: 300 }
    expect(vipTier(250, [], { percentileThresholds: percentile })).toMatchObject({
      tier: 'gold',
      source: 'percentile',
    })
    expect(vipTier(250, [], { thresholds: T, percentileThresholds: percentile })).toMatchObject({
      tier: 'standard',
      source: 'threshold',
    })
  })

  it('falls back to the default thresholds', () => {
    expect(vipTier(2500, []).tier).toBe('gold')
  })

  describe('edge cases', () => {
    it.each([[Number.NaN], [-10], [-Infinity]])('treats %p as no value', (v) => {
      expect(vipTier(v, []).tier).toBe('standard')
      expect(tierOf(v, T)).toBe('standard')
    })
  })
})
