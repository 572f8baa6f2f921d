// The account baseline as plain JSON: what the background publishes to the account's one baseline
// record and what agents' sidebars read back (parseBaselineRecord).

import type { AccountBaseline } from '../customer/accountBaseline'
import type { Channel, TierThresholds } from '../customer/types'

/** Bumped whenever the record's shape or meaning changes; readers reject other versions. */
export const BASELINE_SCHEMA_VERSION = 1

/** The versioned JSON form of an account baseline (every number finite, never NaN). */
export interface BaselineRecord {
  schemaVersion: typeof BASELINE_SCHEMA_VERSION
  /** ISO 8601 instant the baseline was computed as of. */
  computedAt: string
  /** ISO 4217 code of every money figure below (the account's value currency). */
  currency: string
  /** Top 1 / 5 / 20 % thresholds of customer values in `currency`; null with too few customers. */
  tierThresholds: TierThresholds | null
  /** The same over engagement estimates (points 0–100). */
  estimateTierThresholds: TierThresholds | null
  /** Median customer value in `currency`. */
  typicalValue: number | null
  /** Median engagement estimate (points). */
  typicalEstimate: number | null
  /** Median requester wait of solved tickets, calendar minutes. */
  medianWaitMinutes: number | null
  /** Expected effort: median full resolution of solved tickets, calendar minutes. */
  effortMinutes: { byChannel: Partial<Record<Channel, number>>; overall: number | null }
  /** 0..1 per channel: churn rate relative to the least loyal channel (1). */
  channelLoyalty: Partial<Record<Channel, number>>
}

export interface BaselineRecordMeta {
  /** Epoch ms (or an ISO instant) the baseline is as of. */
  computedAt: number | string
  /** The account's value currency (the `valueCurrency` setting). */
  currency: string
}

const finiteOrNull = (v: number | null): number | null =>
  v !== null && Number.isFinite(v) ? v : null

function thresholds(t: TierThresholds | null): TierThresholds | null {
  if (t === null) return null
  const { silver, gold, platinum } = t
  return [silver, gold, platinum].every(Number.isFinite) ? { silver, gold, platinum } : null
}

function finiteEntries(
  byChannel: Partial<Record<Channel, number>>,
): Partial<Record<Channel, number>> {
  const out: Partial<Record<Channel, number>> = {}
  for (const [channel, value] of Object.entries(byChannel) as [Channel, number][]) {
    if (Number.isFinite(value)) out[channel] = value
  }
  return out
}

/**
 * The JSON form of `baseline`, stamped with the schema version, the instant it was computed as of
 * and the currency of its money figures. Non-finite numbers (which JSON cannot hold) become null
 * or are left out, so `JSON.stringify` of the result always parses back with `parseBaselineRecord`.
 *
 * @throws RangeError when `meta.computedAt` is not a valid instant
 * @example
 * baselineRecord(baseline, { computedAt: Date.parse('2026-10-31T00:00:00Z'), currency: 'USD' })
 * //=> { schemaVersion: 1, computedAt: '2026-10-31T00:00:00.000Z', currency: 'USD', tierThresholds: { silver: 1068.41, gold: 2590.2, platinum: 6120.55 }, ... }
 */
export function baselineRecord(
  baseline: AccountBaseline,
  meta: BaselineRecordMeta,
): BaselineRecord {
  const at = typeof meta.computedAt === 'number' ? meta.computedAt : Date.parse(meta.computedAt)
  if (!Number.isFinite(at)) {
    throw new RangeError(
      `baselineRecord: computedAt is not a valid instant: ${String(meta.computedAt)}`,
    )
  }
  return {
    schemaVersion: BASELINE_SCHEMA_VERSION,
    computedAt: new Date(at).toISOString(),
    currency: meta.currency,
    tierThresholds: thresholds(baseline.valueThresholds),
    estimateTierThresholds: thresholds(baseline.estimateThresholds),
    typicalValue: finiteOrNull(baseline.typicalValue),
    typicalEstimate: finiteOrNull(baseline.typicalEstimate),
    medianWaitMinutes: finiteOrNull(baseline.medianWaitMinutes),
    effortMinutes: {
      byChannel: finiteEntries(baseline.effortMinutes.byChannel),
      overall: finiteOrNull(baseline.effortMinutes.overall),
    },
    channelLoyalty: finiteEntries(baseline.channelRisk),
  }
}
