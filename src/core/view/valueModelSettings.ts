// The installation settings → the value model's settings. Core may not import the app's settings
// module, so the value model's part of the settings' shape is declared here, and the app's
// settings (src/zendesk/settings.ts) are built on it.

import { DEFAULT_CHURN_TAGS } from '../customer/churnRisk'
import { DEFAULT_VALUE_FIELDS } from '../customer/customerValue'
import type { ValueModelSettings } from '../customer/settings'
import type { PriorityFactorKey, TierThresholds, ValueFieldMapping } from '../customer/types'

/** The installation settings that shape the value model, by their manifest parameter names. */
export const VALUE_MODEL_SETTING_NAMES = [
  'valueField',
  'valueCurrency',
  'tierMode',
  'tierPlatinumMin',
  'tierGoldMin',
  'tierSilverMin',
  'churnTag',
  'weightValue',
  'weightChurn',
  'weightUrgency',
  'weightPriority',
  'weightRepeat',
  'weightChannel',
  'weightEffort',
] as const

/** How VIP tiers are set: by the account's percentiles, or by the `tier*Min` values. */
export const TIER_MODES = ['percentile', 'threshold'] as const

/**
 * Parsed installation settings as far as the value model reads them. The app's `AppSettings`
 * extends this shape with the settings only the app reads.
 */
export interface ValueModelSettingsSource {
  /** Field key; `user.` or `organization.` limits it to one scope; empty → engagement estimate. */
  valueField: string
  /** ISO 4217 code of the value field. */
  valueCurrency: string
  /** `percentile`: the account's top 1/5/20 %; `threshold`: the minimums below. */
  tierMode: (typeof TIER_MODES)[number]
  tierPlatinumMin: number
  tierGoldMin: number
  tierSilverMin: number
  /** A tag meaning "this customer is leaving", on top of the model's default churn tags. */
  churnTag: string
  weightValue: number
  weightChurn: number
  /** Split evenly between waiting time and nearness of an SLA breach. */
  weightUrgency: number
  weightPriority: number
  weightRepeat: number
  weightChannel: number
  weightEffort: number
}

function valueFields(setting: string): ValueFieldMapping[] {
  const text = setting.trim()
  if (text === '') return []
  const scoped = /^(user|organization)\.(.+)$/.exec(text)
  const scopes = scoped === null ? (['user', 'organization'] as const) : [scoped[1] as 'user']
  const key = scoped === null ? text : (scoped[2] as string)
  // keep the default mapping's multiplier (mrr × 12) for a known key
  return scopes.map((scope) => {
    const known = DEFAULT_VALUE_FIELDS.find((m) => m.scope === scope && m.key === key)
    return known?.multiplier === undefined
      ? { scope, key }
      : { scope, key, multiplier: known.multiplier }
  })
}

/**
 * The value model's settings from the installation settings:
 * - `valueField` → the one field tried, on the user then the organization (`user.x` or
 *   `organization.x` for one scope; the default multiplier of a known key such as `mrr` is kept);
 *   empty → no field, every value is an engagement estimate;
 * - `valueCurrency` → the currency of that field;
 * - `tierMode` `threshold` → the `tier*Min` values are the tier thresholds; `percentile` → tiers
 *   from the account's percentiles, the `tier*Min` values only when the account has none (the
 *   score then says `tier.fallback`);
 * - `churnTag` → added to the default churn tags;
 * - `weight*` → the priority factor weights (`weightUrgency` split evenly between waiting and SLA).
 *
 * @example
 * valueModelSettings({ ...DEFAULT_SETTINGS, tierMode: 'threshold' }).tierThresholds
 * //=> { silver: 2000, gold: 10000, platinum: 50000 }
 * valueModelSettings(DEFAULT_SETTINGS).priority?.weights?.waiting //=> 10
 */
export function valueModelSettings(source: ValueModelSettingsSource): ValueModelSettings {
  const thresholds: TierThresholds = {
    silver: source.tierSilverMin,
    gold: source.tierGoldMin,
    platinum: source.tierPlatinumMin,
  }
  const churnTag = source.churnTag.trim().toLowerCase()
  const churnTags =
    churnTag === '' || DEFAULT_CHURN_TAGS.includes(churnTag)
      ? [...DEFAULT_CHURN_TAGS]
      : [churnTag, ...DEFAULT_CHURN_TAGS]
  const weights: Record<PriorityFactorKey, number> = {
    value: source.weightValue,
    churnRisk: source.weightChurn,
    waiting: source.weightUrgency / 2,
    slaBreach: source.weightUrgency / 2,
    ticketPriority: source.weightPriority,
    repeatContact: source.weightRepeat,
    channelLoyalty: source.weightChannel,
    effort: source.weightEffort,
  }
  return {
    value: { valueFields: valueFields(source.valueField), currency: source.valueCurrency },
    tierThresholds: source.tierMode === 'threshold' ? thresholds : null,
    tierFallbackThresholds: thresholds,
    churn: { churnTags },
    priority: { weights },
  }
}
