// The customer's value: the admin's mapped revenue field (user first, then organization), else the
// engagement estimate.

import { parseMoney } from './_lib/parse'
import { engagementEstimate, engagementFromContacts } from './engagementEstimate'
import type { EngagementEstimateOptions } from './engagementEstimate'
import type { ContactSummary } from './requesterContacts'
import type {
  CustomerProfile,
  CustomerTicket,
  CustomerValue,
  EngagementEstimate,
  ValueFieldMapping,
  ValueFlag,
} from './types'

export interface CustomerValueOptions {
  /** Fields to try, in order; the first usable one wins. Default `DEFAULT_VALUE_FIELDS`. */
  valueFields?: readonly ValueFieldMapping[]
  /** Currency of fields that do not name one. Default `USD`. */
  currency?: string
  estimate?: EngagementEstimateOptions
}

/**
 * Default mapping: common user fields for what a customer spent, then organization fields for
 * what an account is worth. `annual_revenue` is the organization's yearly value to us.
 */
export const DEFAULT_VALUE_FIELDS: readonly ValueFieldMapping[] = [
  { scope: 'user', key: 'lifetime_value' },
  { scope: 'user', key: 'total_spent' },
  { scope: 'user', key: 'ltv' },
  { scope: 'user', key: 'mrr', multiplier: 12 },
  { scope: 'organization', key: 'lifetime_value' },
  { scope: 'organization', key: 'annual_revenue' },
  { scope: 'organization', key: 'arr' },
  { scope: 'organization', key: 'mrr', multiplier: 12 },
]

/**
 * The value of a customer as of `now`.
 *
 * 1. The first mapped field that holds a usable amount — user fields before organization fields in
 *    the default mapping — times its multiplier, in the field's currency (or the model's).
 * 2. Without one: the support-derived engagement estimate (points 0–100, `isEstimate: true`,
 *    `currency: null`), see `engagementEstimate`. CLV proper (AOV × frequency × lifespan × margin,
 *    docs/kpi-definitions.md B.2 [R3]) needs order data Zendesk does not hold.
 *
 * Never throws: an unparsable field is skipped and flagged `invalidValueField`.
 *
 * @example
 * customerValue({ ...profile, fields: { lifetime_value: 2400 } }, [], now)
 * //=> { amount: 2400, currency: 'USD', source: 'userField', field: 'user.lifetime_value', isEstimate: false, ... }
 */
export function customerValue(
  profile: CustomerProfile | null,
  history: readonly CustomerTicket[],
  now: number,
  options: CustomerValueOptions = {},
): CustomerValue {
  return valueOf(profile, options, () =>
    engagementEstimate(history, profile?.createdAt ?? null, now, options.estimate),
  )
}

/**
 * `customerValue` from a summary of the customer's contacts up to `now` (`contactsAsOf` over
 * `requesterContacts`) instead of the tickets: the same value, for account-wide passes.
 *
 * @example
 * customerValueFromContacts(profile, contactsAsOf(contacts.get(profile.id), now, true), now).amount
 */
export function customerValueFromContacts(
  profile: CustomerProfile | null,
  contacts: ContactSummary,
  now: number,
  options: CustomerValueOptions = {},
): CustomerValue {
  return valueOf(profile, options, () =>
    engagementFromContacts(contacts, profile?.createdAt ?? null, now, options.estimate),
  )
}

/** The mapped field's value, else the estimate (only computed when needed). */
function valueOf(
  profile: CustomerProfile | null,
  options: CustomerValueOptions,
  estimateOf: () => EngagementEstimate,
): CustomerValue {
  const flags: ValueFlag[] = []
  const mappings = options.valueFields ?? DEFAULT_VALUE_FIELDS
  for (const m of mappings) {
    const fields = m.scope === 'user' ? profile?.fields : profile?.organization?.fields
    const raw = fields?.[m.key]
    if (raw === undefined || raw === null || raw === '') continue
    const money = parseMoney(raw)
    const multiplier = m.multiplier ?? 1
    if (money === null || !(Number.isFinite(multiplier) && multiplier >= 0)) {
      if (!flags.includes('invalidValueField')) flags.push('invalidValueField')
      continue
    }
    return {
      amount: money.amount * multiplier,
      currency: money.currency ?? m.currency ?? options.currency ?? 'USD',
      source: m.scope === 'user' ? 'userField' : 'organizationField',
      field: `${m.scope}.${m.key}`,
      isEstimate: false,
      estimate: null,
      flags,
    }
  }
  flags.unshift('noValueField')
  const estimate = estimateOf()
  if (estimate.recencyDays === null) flags.push('noContactHistory')
  return {
    amount: estimate.points,
    currency: null,
    source: 'estimate',
    field: null,
    isEstimate: true,
    estimate,
    flags,
  }
}
