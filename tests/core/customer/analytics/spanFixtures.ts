import type { Channel, CustomerSpan } from '@/core/customer'

export const NOW = Date.parse('2024-06-01T00:00:00Z')
export const DAY = 86_400_000

let nextId = 1

/** A customer since 300 days ago, still active, first contact by email 200 days ago. */
export function span(
  overrides: Partial<CustomerSpan> & {
    churnedDaysAgo?: number | undefined
    channel?: Channel
  } = {},
): CustomerSpan {
  const { churnedDaysAgo, channel, ...rest } = overrides
  return {
    customerId: nextId++,
    firstSeen: NOW - 300 * DAY,
    lastActive: NOW - 5 * DAY,
    churnedAt: churnedDaysAgo === undefined ? null : NOW - churnedDaysAgo * DAY,
    firstChannel: channel ?? 'email',
    firstContactAt: NOW - 200 * DAY,
    medianResolutionMinutes: 600,
    solvedTickets: 1,
    agentIds: [],
    tickets: 1,
    ...rest,
  }
}
