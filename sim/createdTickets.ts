// Tickets created through `POST /api/v2/tickets`: a life in which nothing happens by itself. The
// simulated team never replies to them or solves them; only the API does (assignment, a public
// comment as the first reply, solve, close),
// and their SLA targets run from the creation instant until then, breaching as the clock passes.
import type { TicketChanges } from './account'
import type { TicketOverride } from './entities'
import type { Lifecycle, Priority, TicketType } from './lifecycle'
import type { Channel } from './skeleton'

/** A ticket to create, already validated. */
export type NewTicket = {
  requesterId: number
  subject: string
  description: string
  priority: Priority
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved'
  type: TicketType | null
  channel: Channel
  assigneeId: number | null
  groupId: number | null
  tags: string[]
  customFields: { id: number; value: unknown }[]
}

/**
 * The life of a created ticket: created at `createdMs`, assigned then when it has an assignee, never
 * replied to, solved, rated or deleted by the simulation (NaN instants never happen).
 *
 * @example
 * createdLifecycle({ id: 20001, requester: 42, createdMs: now, channel: 'web', priority: 'urgent', type: null, agentIndex: 0, groupIndex: 0, assigned: true }).firstReplyMs // NaN
 */
export function createdLifecycle(input: {
  id: number
  requester: number
  createdMs: number
  channel: Channel
  priority: Priority
  type: TicketType | null
  agentIndex: number
  groupIndex: number
  assigned: boolean
}): Lifecycle {
  return {
    id: input.id,
    requester: input.requester,
    channel: input.channel,
    priority: input.priority,
    type: input.type,
    topic: 'product_question',
    orderNumber: null,
    groupIndex: input.groupIndex,
    agentIndex: input.agentIndex,
    firstAgentIndex: input.agentIndex,
    firstGroupIndex: input.groupIndex,
    assigneeStations: 1,
    groupStations: 1,
    createdMs: input.createdMs,
    assignedMs: input.assigned ? input.createdMs : NaN,
    firstReplyMs: NaN,
    extraReplies: 0,
    firstSolveMs: NaN,
    reopenMs: NaN,
    finalSolveMs: NaN,
    pendingMin: 0,
    pendingStartMs: NaN,
    holdMin: 0,
    holdStartMs: NaN,
    deletedMs: NaN,
    csatOfferedMs: NaN,
    csatRatedMs: NaN,
    csatGood: false,
    csatComment: null,
    csatReason: null,
    subjectIndex: 0,
  }
}

/** Solves a created ticket at `at` (once): its metrics and SLA targets stop there. */
export function solveCreated(lifecycle: Lifecycle, at: number): void {
  if (!Number.isNaN(lifecycle.finalSolveMs)) return
  lifecycle.firstSolveMs = at
  lifecycle.finalSolveMs = at
}

/**
 * A created ticket's life follows the API (generated ones keep their timeline): the first assignment
 * starts the assignment metrics, a reassignment adds a station, a priority change re-targets its SLA,
 * the first public comment is its first reply, and solving or closing stops its metrics and SLA clocks.
 */
export function followCreated(
  lifecycle: Lifecycle,
  before: TicketOverride,
  changes: TicketChanges,
  now: number,
): void {
  if (changes.priority !== undefined) lifecycle.priority = changes.priority
  const assignee = changes.assigneeId
  if (assignee !== undefined && assignee !== null && assignee !== before.assigneeId) {
    if (Number.isNaN(lifecycle.assignedMs)) lifecycle.assignedMs = now
    else lifecycle.assigneeStations++
  }
  // An agent's public comment is the first reply: the first reply target is fulfilled.
  if (changes.comment?.public === true && Number.isNaN(lifecycle.firstReplyMs))
    lifecycle.firstReplyMs = now
  if (changes.status === 'solved' || changes.status === 'closed') solveCreated(lifecycle, now)
}
