import { accountBaseline } from '@/core/customer/accountBaseline'
import { accountBaselineOf } from '@/core/view/accountBaselineOf'
import { NOW } from '../customer/customerFixtures'
import { plantedAccount } from './baselineFixture'

describe('accountBaselineOf', () => {
  const { profiles, tickets } = plantedAccount()

  it('measures channel loyalty from retention by first-contact channel', () => {
    const b = accountBaselineOf({ profiles, tickets, now: NOW })
    // email: 20 of 40 churned; web: 4 of 40 → web churns at a fifth of email's rate
    expect(b.channelRisk).toEqual({ email: 1, web: 0.2 })
  })

  it('holds the value percentiles, typical values, waits and effort of the account', () => {
    const b = accountBaselineOf({
      profiles: new Map(profiles.map((p) => [p.id, p])).values(),
      tickets,
      now: NOW,
    })
    const plain = accountBaseline(profiles, tickets, NOW)
    expect({ ...b, channelRisk: {} }).toEqual(plain)
    expect(b.valueThresholds).not.toBeNull()
    expect(b.typicalValue).toBe(2050)
    expect(b.medianWaitMinutes).toBe(30)
    expect(b.effortMinutes.byChannel.email).toBe(b.effortMinutes.byChannel.web)
  })

  it('ignores what happened after now and passes the settings on', () => {
    const early = accountBaselineOf({ profiles, tickets, now: NOW - 150 * 86_400_000 })
    // 150 days earlier only the first contacts exist and none had time to be judged
    expect(early.channelRisk).toEqual({})
    const estimatesOnly = accountBaselineOf({
      profiles,
      tickets,
      now: NOW,
      settings: { value: { valueFields: [] } },
    })
    expect(estimatesOnly.valueThresholds).toBeNull()
    expect(estimatesOnly.estimateThresholds).not.toBeNull()
  })

  it('gives an empty baseline for an empty account', () => {
    const b = accountBaselineOf({ profiles: [], tickets: [], now: NOW })
    expect(b).toMatchObject({ valueThresholds: null, typicalValue: null, channelRisk: {} })
  })
})
