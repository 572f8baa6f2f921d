// The open ticket and its requester's history → the value model's inputs.

import type { CustomerProfile, CustomerTicket, TicketRecord } from '@/core'
import type { RequesterHistory } from '../history'
import type { TicketState } from './useTicketState'

export type CustomerInputs = {
  ticket: CustomerTicket
  history: CustomerTicket[]
  profile: CustomerProfile | null
}

const EMPTY_PAIR = { calendar: null, business: null }

/** A record for a ticket the history does not list yet (new, or older than its newest 100). */
function recordOf(state: TicketState, now: number): TicketRecord {
  return {
    id: state.id,
    status: state.status ?? 'new',
    channel: state.channel,
    createdAt: state.createdAt ?? now,
    updatedAt: state.updatedAt ?? state.createdAt ?? now,
    solvedAt: null,
    requesterId: state.requester?.id ?? null,
    organizationId: state.organizationId,
    assigneeId: state.assigneeId,
    groupId: state.groupId,
    replies: null,
    reopens: null,
    assigneeStations: null,
    minutes: {
      firstReply: EMPTY_PAIR,
      firstResolution: EMPTY_PAIR,
      fullResolution: EMPTY_PAIR,
      requesterWait: EMPTY_PAIR,
      agentWait: EMPTY_PAIR,
      onHold: EMPTY_PAIR,
    },
    csat: 'none',
  }
}

/**
 * The ticket as the form shows it now (status, priority and tags may be unsaved edits) on top of its
 * stored copy, the requester's tickets, and the requester's profile with the organization.
 *
 * @example
 * customerInputs(ticketState, history, now).ticket.priority //=> 'urgent' (the form's value)
 */
export function customerInputs(
  state: TicketState,
  history: RequesterHistory | null,
  now: number,
): CustomerInputs {
  const stored = history?.stored.find((t) => t.ticket.id === state.id)
  const record = stored?.ticket ?? recordOf(state, now)
  const ticket: CustomerTicket = {
    ticket: { ...record, status: state.status ?? record.status },
    tags: state.tags,
    priority: state.priority,
  }
  const requester = history?.requester ?? null
  const org = history?.organization ?? null
  const profile: CustomerProfile | null =
    requester === null
      ? null
      : {
          id: requester.id,
          createdAt: requester.createdAt,
          tags: requester.tags,
          fields: requester.fields,
          organization: org === null ? null : { id: org.id, tags: org.tags, fields: org.fields },
        }
  return { ticket, history: history?.stored ?? [], profile }
}
