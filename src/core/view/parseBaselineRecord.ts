// Reads a published baseline record back, checking every field: a sidebar must never crash on a
// record written by another app version or edited by hand.

import type { AccountBaseline } from '../customer/accountBaseline'
import type { Channel, TierThresholds } from '../customer/types'
import { CHANNELS } from '../types'
import { BASELINE_SCHEMA_VERSION } from './baselineRecord'
import type { BaselineRecord } from './baselineRecord'

/** `badJson`: not JSON; `badShape`: a field is missing or wrong; `otherVersion`: another schema. */
export type BaselineRecordErrorCode = 'badJson' | 'badShape' | 'otherVersion'

export interface BaselineRecordError {
  code: BaselineRecordErrorCode
  /** English, naming the field (`effortMinutes.byChannel.email`) and what was wrong. */
  message: string
  /** The field at fault, null for the whole record. */
  path: string | null
}

export type ParsedBaselineRecord =
  | { ok: true; record: BaselineRecord; baseline: AccountBaseline; computedAt: number }
  | { ok: false; error: BaselineRecordError }

class ShapeError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path} ${problem}`)
  }
}

const show = (v: unknown): string => {
  const text = JSON.stringify(v) as string | undefined
  return text === undefined ? String(v) : text.length > 40 ? `${text.slice(0, 40)}…` : text
}

function objectAt(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new ShapeError(path, `must be an object, got ${show(v)}`)
  }
  return v as Record<string, unknown>
}

function amount(v: unknown, path: string, max = Number.POSITIVE_INFINITY): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) {
    const range = max === Number.POSITIVE_INFINITY ? '≥ 0' : `from 0 to ${max}`
    throw new ShapeError(path, `must be a number ${range}, got ${show(v)}`)
  }
  return v
}

const amountOrNull = (v: unknown, path: string): number | null =>
  v === null ? null : amount(v, path)

function thresholdsAt(v: unknown, path: string): TierThresholds | null {
  if (v === null) return null
  const o = objectAt(v, path)
  const t = {
    silver: amount(o.silver, `${path}.silver`),
    gold: amount(o.gold, `${path}.gold`),
    platinum: amount(o.platinum, `${path}.platinum`),
  }
  if (!(t.silver <= t.gold && t.gold <= t.platinum)) {
    throw new ShapeError(path, `must rise from silver to gold to platinum, got ${show(v)}`)
  }
  return t
}

function perChannel(v: unknown, path: string, max?: number): Partial<Record<Channel, number>> {
  const o = objectAt(v, path)
  const out: Partial<Record<Channel, number>> = {}
  for (const [key, value] of Object.entries(o)) {
    if (!(CHANNELS as readonly string[]).includes(key)) {
      throw new ShapeError(`${path}.${key}`, `is not a channel (${CHANNELS.join(', ')})`)
    }
    out[key as Channel] = amount(value, `${path}.${key}`, max)
  }
  return out
}

function recordOf(o: Record<string, unknown>): BaselineRecord {
  if (typeof o.computedAt !== 'string' || !Number.isFinite(Date.parse(o.computedAt))) {
    throw new ShapeError('computedAt', `must be an ISO 8601 instant, got ${show(o.computedAt)}`)
  }
  if (typeof o.currency !== 'string' || !/^[A-Z]{3}$/.test(o.currency)) {
    throw new ShapeError(
      'currency',
      `must be a three-letter currency code, got ${show(o.currency)}`,
    )
  }
  const effort = objectAt(o.effortMinutes, 'effortMinutes')
  return {
    schemaVersion: BASELINE_SCHEMA_VERSION,
    computedAt: o.computedAt,
    currency: o.currency,
    tierThresholds: thresholdsAt(o.tierThresholds, 'tierThresholds'),
    estimateTierThresholds: thresholdsAt(o.estimateTierThresholds, 'estimateTierThresholds'),
    typicalValue: amountOrNull(o.typicalValue, 'typicalValue'),
    typicalEstimate: amountOrNull(o.typicalEstimate, 'typicalEstimate'),
    medianWaitMinutes: amountOrNull(o.medianWaitMinutes, 'medianWaitMinutes'),
    effortMinutes: {
      byChannel: perChannel(effort.byChannel, 'effortMinutes.byChannel'),
      overall: amountOrNull(effort.overall, 'effortMinutes.overall'),
    },
    channelLoyalty: perChannel(o.channelLoyalty, 'channelLoyalty', 1),
  }
}

const failure = (
  code: BaselineRecordErrorCode,
  message: string,
  path: string | null,
): ParsedBaselineRecord => ({ ok: false, error: { code, message, path } })

/**
 * Reads a baseline record: the JSON text of the record's `payload` field, or the value already
 * parsed. Never throws: bad JSON, a missing or wrong field (named in the message), or a record of
 * another schema version give `{ ok: false, error }`, and the caller falls back to the threshold
 * settings. A good record gives the record and the `AccountBaseline` the value model reads.
 *
 * @example
 * parseBaselineRecord(JSON.stringify(baselineRecord(baseline, meta))).ok //=> true
 * parseBaselineRecord('{"schemaVersion":2}')
 * //=> { ok: false, error: { code: 'otherVersion', message: 'baseline record: schema version 2, this app reads version 1', path: 'schemaVersion' } }
 */
export function parseBaselineRecord(input: unknown): ParsedBaselineRecord {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown
    } catch (err) {
      return failure(
        'badJson',
        `baseline record: not JSON (${err instanceof Error ? err.message : String(err)})`,
        null,
      )
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure('badShape', `baseline record: must be an object, got ${show(value)}`, null)
  }
  const version = (value as Record<string, unknown>).schemaVersion
  if (version !== BASELINE_SCHEMA_VERSION) {
    return failure(
      'otherVersion',
      `baseline record: schema version ${show(version)}, this app reads version ${BASELINE_SCHEMA_VERSION}`,
      'schemaVersion',
    )
  }
  try {
    const record = recordOf(value as Record<string, unknown>)
    const baseline: AccountBaseline = {
      valueThresholds: record.tierThresholds,
      estimateThresholds: record.estimateTierThresholds,
      typicalValue: record.typicalValue,
      typicalEstimate: record.typicalEstimate,
      medianWaitMinutes: record.medianWaitMinutes,
      effortMinutes: {
        byChannel: { ...record.effortMinutes.byChannel },
        overall: record.effortMinutes.overall,
      },
      channelRisk: { ...record.channelLoyalty },
    }
    return { ok: true, record, baseline, computedAt: Date.parse(record.computedAt) }
  } catch (err) {
    const path = err instanceof ShapeError ? err.path : null
    return failure(
      'badShape',
      `baseline record: ${err instanceof Error ? err.message : String(err)}`,
      path,
    )
  }
}
