// Output shapes of the customer adapter: the value model's own input types, from the core.

export type {
  CustomerOrganization,
  CustomerProfile,
  CustomerTicket,
  FieldValue,
  SlaClockEvent,
  TicketPriority,
} from '@/core'
export { TICKET_PRIORITIES } from '@/core'

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
