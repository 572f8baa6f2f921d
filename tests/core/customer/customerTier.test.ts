import { customerTier } from '@/core/customer/customerTier'

const NO_BASELINE = { valueThresholds: null, estimateThresholds: null }

describe('customerTier', () => {
  it('tiers money by configured thresholds, then percentiles, then the fallback thresholds', () => {
    const money = { amount: 3000, isEstimate: false }
    const percentiles = { silver: 100, gold: 200, platinum: 2500 }
    const configured = { silver: 5000, gold: 6000, platinum: 7000 }
    expect(customerTier(money, [], NO_BASELINE).tier).toBe('gold')
    expect(customerTier(money, [], { ...NO_BASELINE, valueThresholds: percentiles }).tier).toBe(
      'platinum',
    )
    expect(
      customerTier(
        money,
        [],
        { ...NO_BASELINE, valueThresholds: percentiles },
        {
          tierThresholds: configured,
        },
      ).tier,
    ).toBe('standard')
    expect(
      customerTier(money, [], NO_BASELINE, {
        tierFallbackThresholds: { silver: 1, gold: 2, platinum: 3 },
      }),
    ).toMatchObject({ tier: 'platinum', source: 'threshold' })
  })

  it('tiers estimates against estimate thresholds only, and lets a tag raise the tier', () => {
    const points = { amount: 62, isEstimate: true }
    expect(
      customerTier(points, [], NO_BASELINE, {
        tierThresholds: { silver: 1, gold: 2, platinum: 3 },
      }).tier,
    ).toBe('gold')
    expect(customerTier(points, ['VIP_Platinum'], NO_BASELINE)).toMatchObject({
      tier: 'platinum',
      source: 'tag',
      tag: 'vip_platinum',
    })
  })
})
