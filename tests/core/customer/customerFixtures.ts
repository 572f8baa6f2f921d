// Customer-model fixtures on top of the shared ticket builder: profiles and wrapped tickets with
// literal dates.

import type { CustomerProfile, CustomerTicket, FieldValue, TicketPriority } from '@/core/customer'
import { buildTicket } from '../../support/fixtures/ticketBuilder'
import type { TicketOverrides } from '../../support/fixtures/ticketBuilder'

export const NOW = Date.parse('2024-06-01T12:00:00Z')
export const DAY = 86_400_000

export function buildProfile(
  overrides: Partial<CustomerProfile> & {
    orgFields?: Record<string, FieldValue>
    orgTags?: string[]
  } = {},
): CustomerProfile {
  const { orgFields, orgTags, ...rest } = overrides
  return {
    id: 1000,
    createdAt: Date.parse('2023-01-01T00:00:00Z'),
    tags: [],
    fields: {},
    organization:
      orgFields !== undefined || orgTags !== undefined
        ? { id: 2000, tags: orgTags ?? [], fields: orgFields ?? {} }
        : null,
    ...rest,
  }
}

export function buildItem(
  overrides: TicketOverrides & { tags?: string[]; priority?: TicketPriority | null } = {},
): CustomerTicket {
  const { tags, priority, ...ticket } = overrides
  return {
    ticket: buildTicket(ticket),
    tags: tags ?? [],
    priority: priority === undefined ? 'normal' : priority,
  }
}

/** ISO instant `days` days before NOW. */
export function daysAgo(days: number): string {
  return new Date(NOW - days * DAY).toISOString()
}
