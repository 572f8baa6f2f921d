// Domain types of the customer value model. Lists are `as const` arrays with derived
// unions. TicketRecord (src/core/types.ts) carries no tags, priority or user/org fields, so a
// CustomerTicket wraps it with the extras and a CustomerProfile holds the user and organization.

import type { Channel, TicketRecord } from '../types'

// TYPES: inputs

/** A custom field value as Zendesk returns it (`user_fields`, `organization_fields`). */
export type FieldValue = string | number | boolean | null

export interface CustomerOrganization {
  id: number
  tags: readonly string[]
  /** `organization_fields`, keys as the admin named them. */
  fields: Readonly<Record<string, FieldValue>>
}

/** An end user with what the value model reads: tags, `user_fields` and the organization. */
export interface CustomerProfile {
  id: number
  /** `created_at` in epoch ms; null when missing or invalid. */
  createdAt: number | null
  tags: readonly string[]
  fields: Readonly<Record<string, FieldValue>>
  organization: CustomerOrganization | null
}

/** Zendesk ticket priorities (docs/zendesk-api.md §2.1), lowest first. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

/** A TicketRecord with the ticket fields the value model needs besides it. */
export interface CustomerTicket {
  ticket: TicketRecord
  tags: readonly string[]
  /** null when the ticket has no priority (Zendesk allows it). */
  priority: TicketPriority | null
}

// TYPES: customer value

/** Where a customer value came from; `estimate` is the support-derived engagement estimate. */
export const VALUE_SOURCES = ['userField', 'organizationField', 'estimate'] as const
export type ValueSource = (typeof VALUE_SOURCES)[number]

/** One admin mapping of a revenue field (lifetime value, MRR, total spent …). */
export interface ValueFieldMapping {
  scope: 'user' | 'organization'
  key: string
  /** ISO 4217 code of the field; default the model's `currency`. */
  currency?: string
  /** Factor applied to the field, e.g. 12 to turn MRR into a yearly value. Default 1. */
  multiplier?: number
}

/** RFM-style engagement estimate (docs/kpi-definitions.md B.3), in points 0–100, not money. */
export interface EngagementEstimate {
  points: number
  /** Days since the last contact; null without contacts. */
  recencyDays: number | null
  /** Contacts per 30 days of tenure. */
  contactsPer30Days: number
  tenureDays: number | null
  /** Each part 0..1 before weighting. */
  parts: { recency: number; frequency: number; tenure: number }
}

export interface CustomerValue {
  /** Money in `currency`, or engagement points when `source` is `estimate`. */
  amount: number
  /** null for estimates (points have no currency). */
  currency: string | null
  source: ValueSource
  /** The mapped field that gave the value (`user.lifetime_value`), null for estimates. */
  field: string | null
  isEstimate: boolean
  estimate: EngagementEstimate | null
  /** Missing or unusable data noticed on the way (never an error). */
  flags: ValueFlag[]
}

export const VALUE_FLAGS = ['noValueField', 'invalidValueField', 'noContactHistory'] as const
export type ValueFlag = (typeof VALUE_FLAGS)[number]

// TYPES: VIP tier

/** VIP tiers, lowest first (code-style.md practice 5). */
export const VIP_TIERS = ['standard', 'silver', 'gold', 'platinum'] as const
export type VipTier = (typeof VIP_TIERS)[number]

/** Lowest value of each tier above standard. */
export interface TierThresholds {
  silver: number
  gold: number
  platinum: number
}

export const TIER_SOURCES = ['tag', 'threshold', 'percentile'] as const
export type TierSource = (typeof TIER_SOURCES)[number]

export interface NextTier {
  tier: Exclude<VipTier, 'standard'>
  /** Value at which the next tier starts. */
  at: number
  /** How much value is missing to reach it (≥ 0). */
  gap: number
}

export interface VipTierResult {
  tier: VipTier
  source: TierSource
  /** The tag that decided the tier (`vip_gold`), when `source` is `tag`. */
  tag: string | null
  thresholds: TierThresholds
  nextTier: NextTier | null
}

// TYPES: churn risk

export const CHURN_LEVELS = ['low', 'medium', 'high'] as const
export type ChurnLevel = (typeof CHURN_LEVELS)[number]

export const CHURN_SIGNALS = [
  'explicit',
  'badRatings',
  'repeatContacts',
  'reopens',
  'longWaits',
  'stoppedCadence',
] as const
export type ChurnSignalKey = (typeof CHURN_SIGNALS)[number]

export interface ChurnSignal {
  key: ChurnSignalKey
  /** Raw observation: a count, a ratio to the account median, or a silence/cadence ratio. */
  observed: number | null
  /** 0..1 strength of the signal. */
  strength: number
  weight: number
  /** True when the data for the signal was missing: strength is then 0 (neutral). */
  missing: boolean
}

export interface ChurnRisk {
  /** 0..1 */
  score: number
  level: ChurnLevel
  signals: ChurnSignal[]
}

// TYPES: priority score

export const PRIORITY_FACTORS = [
  'value',
  'churnRisk',
  'waiting',
  'slaBreach',
  'ticketPriority',
  'repeatContact',
  'channelLoyalty',
  'effort',
] as const
export type PriorityFactorKey = (typeof PRIORITY_FACTORS)[number]

export const PRIORITY_LEVELS = ['low', 'medium', 'high', 'critical'] as const
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number]

/** A translatable reason: an i18n key and its interpolation parameters. */
export interface Reason {
  key: string
  params: Readonly<Record<string, string | number>>
}

export interface PriorityFactor {
  key: PriorityFactorKey
  /** Points (0–100 scale) this factor can give at most. */
  weight: number
  /** 0..1 */
  subscore: number
  /** Points given, rounded to 0.1; the contributions add up to the score exactly. */
  contribution: number
  /** True when the input was missing and the neutral subscore was used. */
  missing: boolean
  reason: Reason
}

export interface PriorityScore {
  /** 0..100, one decimal. */
  score: number
  level: PriorityLevel
  factors: PriorityFactor[]
}

export type { Channel }
