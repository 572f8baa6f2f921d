// Output shapes of the customer adapter. They mirror CustomerProfile / CustomerTicket of
// src/core/customer/types.ts structurally: code in src/ may import the core only through `@/core`,
// which does not re-export the value model yet. tests/zendesk/customers checks that they stay
// assignable to the core's types; once `@/core` re-exports them, import them from there instead.

import type { SlaEventType, SlaMetric, TicketRecord } from '@/core'

export type FieldValue = string | number | boolean | null

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

export interface CustomerOrganization {
  id: number
  tags: readonly string[]
  fields: Readonly<Record<string, FieldValue>>
}

export interface CustomerProfile {
  id: number
  createdAt: number | null
  tags: readonly string[]
  fields: Readonly<Record<string, FieldValue>>
  organization: CustomerOrganization | null
}

export interface CustomerTicket {
  ticket: TicketRecord
  tags: readonly string[]
  priority: TicketPriority | null
}

/** Mirrors SlaClockEvent of src/core/customer/slaClock.ts. */
export interface SlaClockEvent {
  metric: SlaMetric
  instanceId: number
  type: SlaEventType
  time: number
  deleted: boolean
  targetMinutes: number | null
}

/** Data-quality rules of the customer adapter (counted, never thrown). */
export const CUSTOMER_REASONS = [
  'invalidUser',
  'invalidOrganization',
  'invalidTags',
  'invalidFields',
  'unknownPriority',
  'unknownOrganization',
  'olderTicketVersion',
] as const
export type CustomerReason = (typeof CUSTOMER_REASONS)[number]
