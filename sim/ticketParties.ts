// Who a ticket involves: its requester and their organization, its assignee and group (ids), from the
// ticket's life (lifecycle.ts) and the account's people (skeleton.ts).
import type { Lifecycle, TicketState } from './lifecycle'
import { type Skeleton, agentId, customerId, groupId, orgId } from './skeleton'

/** Who a ticket involves at one instant (ids; assignee and group are null until it is assigned). */
export type TicketParties = {
  requesterId: number
  assigneeId: number | null
  groupId: number | null
  organizationId: number | null
}

/**
 * The ticket's requester and their organization, and its assignee and group once it is assigned: the
 * one rule the ticket JSON, its fast string form and the export's user sideload follow.
 *
 * @example
 * ticketParties(skeleton, lifecycle, stateAt(lifecycle, lifecycle.createdMs)).assigneeId //=> null
 */
export function ticketParties(
  skeleton: Skeleton,
  lifecycle: Lifecycle,
  state: TicketState,
): TicketParties {
  return {
    requesterId: ticketRequesterId(lifecycle),
    assigneeId: state.assigned ? ticketAgentId(lifecycle) : null,
    groupId: state.assigned ? ticketGroupId(lifecycle) : null,
    organizationId: ticketOrgId(skeleton, lifecycle),
  }
}

export const ticketAgentId = (lifecycle: Lifecycle): number => agentId(lifecycle.agentIndex)
export const ticketGroupId = (lifecycle: Lifecycle): number => groupId(lifecycle.groupIndex)
export const ticketRequesterId = (lifecycle: Lifecycle): number => customerId(lifecycle.requester)
export function ticketOrgId(skeleton: Skeleton, lifecycle: Lifecycle): number | null {
  const o = skeleton.customerOrg[lifecycle.requester] ?? -1
  return o >= 0 ? orgId(o) : null
}
