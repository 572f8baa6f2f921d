import { apportionUnits } from '@/core/customer/_lib/apportion'

describe('apportionUnits', () => {
  it('rounds parts so that they add up to the rounded total', () => {
    expect(apportionUnits([1.04, 1.04, 1.04])).toEqual([11, 10, 10])
    expect(apportionUnits([0.05, 0.05])).toEqual([1, 0])
  })

  it('keeps exact tenths unchanged', () => {
    expect(apportionUnits([2.5, 7.5, 0])).toEqual([25, 75, 0])
  })

  it('counts NaN and negative parts as 0', () => {
    expect(apportionUnits([Number.NaN, -3, 1])).toEqual([0, 0, 10])
  })
})
