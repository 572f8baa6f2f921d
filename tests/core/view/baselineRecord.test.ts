import { BASELINE_SCHEMA_VERSION, baselineRecord } from '@/core/view/baselineRecord'
import type { BaselineRecord } from '@/core/view/baselineRecord'
import { accountBaselineOf } from '@/core/view/accountBaselineOf'
import { parseBaselineRecord } from '@/core/view/parseBaselineRecord'
import { NOW } from '../customer/customerFixtures'
import { plantedAccount } from './baselineFixture'

const baseline = accountBaselineOf({ ...plantedAccount(), now: NOW })
const meta = { computedAt: NOW, currency: 'EUR' }

describe('baselineRecord', () => {
  it('holds tier thresholds in the currency, channel loyalty, effort per channel and computedAt', () => {
    const r = baselineRecord(baseline, meta)
    expect(r).toMatchObject({
      schemaVersion: BASELINE_SCHEMA_VERSION,
      computedAt: new Date(NOW).toISOString(),
      currency: 'EUR',
      tierThresholds: baseline.valueThresholds,
      channelLoyalty: { email: 1, web: 0.2 },
      effortMinutes: baseline.effortMinutes,
    })
  })

  it('round-trips through JSON text to the same baseline', () => {
    const text = JSON.stringify(baselineRecord(baseline, meta))
    const parsed = parseBaselineRecord(text)
    expect(parsed).toEqual({
      ok: true,
      record: baselineRecord(baseline, meta),
      baseline,
      computedAt: NOW,
    })
    expect(parseBaselineRecord(JSON.parse(text))).toEqual(parsed)
  })

  it('writes what JSON cannot hold as null or leaves it out', () => {
    const odd = {
      ...baseline,
      typicalValue: NaN,
      valueThresholds: { silver: 1, gold: Infinity, platinum: 3 },
      channelRisk: { email: NaN, web: 0.5 },
    }
    const r = baselineRecord(odd, { computedAt: '2026-10-31T00:00:00Z', currency: 'USD' })
    expect(r.typicalValue).toBeNull()
    expect(r.tierThresholds).toBeNull()
    expect(r.channelLoyalty).toEqual({ web: 0.5 })
    expect(parseBaselineRecord(JSON.stringify(r)).ok).toBe(true)
  })

  it('refuses an invalid instant', () => {
    expect(() => baselineRecord(baseline, { computedAt: 'yesterday', currency: 'USD' })).toThrow(
      'computedAt is not a valid instant: yesterday',
    )
  })
})

describe('parseBaselineRecord', () => {
  const good = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(baselineRecord(baseline, meta))) as Record<string, unknown>
  const errorOf = (input: unknown) => {
    const r = parseBaselineRecord(input)
    return r.ok ? null : r.error
  }

  it('says the text is not JSON', () => {
    expect(errorOf('{"schemaVersion": 1,')).toMatchObject({ code: 'badJson', path: null })
    expect(errorOf('')?.message).toMatch(/^baseline record: not JSON/)
  })

  it('rejects a record of another schema version, or none', () => {
    expect(errorOf({ ...good(), schemaVersion: 2 })).toEqual({
      code: 'otherVersion',
      message: 'baseline record: schema version 2, this app reads version 1',
      path: 'schemaVersion',
    })
    expect(errorOf({})).toMatchObject({ code: 'otherVersion' })
  })

  it.each([
    ['null', null, null, 'must be an object'],
    ['an array', [], null, 'must be an object'],
    ['a bad instant', { computedAt: 'soon' }, 'computedAt', 'ISO 8601'],
    ['a bad currency', { currency: 'euro' }, 'currency', 'three-letter'],
    [
      'a text threshold',
      { tierThresholds: { silver: '1', gold: 2, platinum: 3 } },
      'tierThresholds.silver',
      'must be a number ≥ 0, got "1"',
    ],
    [
      'falling thresholds',
      { tierThresholds: { silver: 5, gold: 2, platinum: 3 } },
      'tierThresholds',
      'must rise',
    ],
    ['a negative wait', { medianWaitMinutes: -1 }, 'medianWaitMinutes', '≥ 0'],
    ['missing effort', { effortMinutes: undefined }, 'effortMinutes', 'must be an object'],
    [
      'an unknown channel',
      { channelLoyalty: { fax: 0.5 } },
      'channelLoyalty.fax',
      'is not a channel',
    ],
    ['loyalty above 1', { channelLoyalty: { email: 1.5 } }, 'channelLoyalty.email', 'from 0 to 1'],
    [
      'text effort',
      { effortMinutes: { byChannel: { web: 'x' }, overall: null } },
      'effortMinutes.byChannel.web',
      'must be a number',
    ],
  ])('names the field for %s', (_name, patch, path, message) => {
    const input = patch === null || Array.isArray(patch) ? patch : { ...good(), ...patch }
    const error = errorOf(input)
    expect(error?.code).toBe('badShape')
    expect(error?.path).toBe(path)
    expect(error?.message).toContain(message)
    expect(error?.message).toContain(`baseline record: ${path === null ? '' : `${path} `}`)
  })

  it('never throws, whatever it is given', () => {
    const hostile = Object.defineProperty({ schemaVersion: 1 }, 'computedAt', {
      get() {
        throw new Error('boom')
      },
      enumerable: true,
    })
    for (const input of [undefined, 42, 'null', '[]', '"text"', hostile, { schemaVersion: 1 }]) {
      expect(() => parseBaselineRecord(input)).not.toThrow()
      expect(parseBaselineRecord(input).ok).toBe(false)
    }
  })

  it('accepts nulls where the account had too little data', () => {
    const sparse: BaselineRecord = {
      ...baselineRecord(accountBaselineOf({ profiles: [], tickets: [], now: NOW }), meta),
    }
    const r = parseBaselineRecord(JSON.stringify(sparse))
    expect(r.ok && r.baseline.valueThresholds).toBeNull()
  })
})
