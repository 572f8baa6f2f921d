import { customerValue } from '@/core/customer/customerValue'
import { buildItem, buildProfile, daysAgo, NOW } from './customerFixtures'

describe('customerValue', () => {
  it('returns the mapped user field with the default currency', () => {
    const v = customerValue(buildProfile({ fields: { lifetime_value: 2400 } }), [], NOW)
    expect(v).toMatchObject({
      amount: 2400,
      currency: 'USD',
      source: 'userField',
      field: 'user.lifetime_value',
      isEstimate: false,
      estimate: null,
      flags: [],
    })
  })

  it('prefers the user field over the organization field', () => {
    const p = buildProfile({ fields: { lifetime_value: 10 }, orgFields: { annual_revenue: 9e6 } })
    expect(customerValue(p, [], NOW).source).toBe('userField')
  })

  it('falls back to the organization field when the user has none', () => {
    const p = buildProfile({ orgFields: { plan: 'growth', annual_revenue: '1,500,000' } })
    expect(customerValue(p, [], NOW)).toMatchObject({
      amount: 1_500_000,
      source: 'organizationField',
      field: 'organization.annual_revenue',
    })
  })

  it('reads a currency from the field and applies the mapping multiplier', () => {
    const p = buildProfile({ fields: { mrr: 'EUR 100' } })
    const v = customerValue(p, [], NOW, {
      valueFields: [{ scope: 'user', key: 'mrr', multiplier: 12 }],
    })
    expect(v).toMatchObject({ amount: 1200, currency: 'EUR' })
  })

  it('uses the mapping currency, then the option currency', () => {
    const p = buildProfile({ fields: { spent: 5 } })
    expect(
      customerValue(p, [], NOW, { valueFields: [{ scope: 'user', key: 'spent', currency: 'GBP' }] })
        .currency,
    ).toBe('GBP')
    expect(
      customerValue(p, [], NOW, { valueFields: [{ scope: 'user', key: 'spent' }], currency: 'JPY' })
        .currency,
    ).toBe('JPY')
  })

  it('skips an unparsable field, flags it and uses the next one', () => {
    const p = buildProfile({ fields: { lifetime_value: 'lots' }, orgFields: { annual_revenue: 7 } })
    const v = customerValue(p, [], NOW)
    expect(v.source).toBe('organizationField')
    expect(v.flags).toEqual(['invalidValueField'])
  })

  it('estimates an engagement value, labelled as an estimate, without any revenue field', () => {
    const history = [buildItem({ created: daysAgo(40) }), buildItem({ created: daysAgo(5) })]
    const v = customerValue(buildProfile(), history, NOW)
    expect(v.source).toBe('estimate')
    expect(v.isEstimate).toBe(true)
    expect(v.currency).toBeNull()
    expect(v.field).toBeNull()
    expect(v.flags).toEqual(['noValueField'])
    expect(v.estimate?.points).toBe(v.amount)
    expect(v.amount).toBeGreaterThan(0)
  })

  describe('edge cases', () => {
    it('flags a customer with neither fields nor history and values them at 0 points', () => {
      const v = customerValue(null, [], NOW)
      expect(v).toMatchObject({
        amount: 0,
        source: 'estimate',
        flags: ['noValueField', 'noContactHistory'],
      })
    })

    it.each([[-5], [Number.NaN], [Infinity], ['-3'], [true]])('rejects %p as a value', (raw) => {
      const v = customerValue(buildProfile({ fields: { lifetime_value: raw } }), [], NOW)
      expect(v.isEstimate).toBe(true)
      expect(v.flags).toContain('invalidValueField')
    })

    it('treats empty strings and null as not set', () => {
      const v = customerValue(buildProfile({ fields: { lifetime_value: '', ltv: null } }), [], NOW)
      expect(v.flags).toEqual(['noValueField', 'noContactHistory'])
    })
  })
})
