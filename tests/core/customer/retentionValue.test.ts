import { retentionValue } from '@/core/customer/retentionValue'

describe('retentionValue', () => {
  it('weights the value by the churn risk and keeps both parts', () => {
    expect(retentionValue(2400, 0.25, 'USD')).toEqual({
      amount: 600,
      value: 2400,
      churnRisk: 0.25,
      currency: 'USD',
    })
  })

  describe('edge cases', () => {
    it.each([
      [Number.NaN, 0.5, 0],
      [-100, 0.5, 0],
      [100, 2, 100],
      [100, -1, 0],
      [100, Number.NaN, 0],
    ])('value %p × risk %p gives %p', (value, risk, amount) => {
      expect(retentionValue(value, risk, null).amount).toBe(amount)
    })
  })
})
