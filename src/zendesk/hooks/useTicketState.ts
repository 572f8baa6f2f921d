// The open ticket as the form shows it (unsaved edits included), read through ZAF without an API
// call and re-read whenever the agent changes what the score depends on.

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'

import type { Channel, TicketPriority, TicketStatus } from '@/core'
import { isRecord, TICKET_PRIORITIES, TICKET_STATUSES } from '@/core'

import { normalizeChannel } from '../normalize'
import { useRegisteredClient } from '../zaf/ClientProvider'
import type { ZafClient, ZafGetResult } from '../zaf/types'
import { queryKeys } from './queryKeys'

export type TicketPerson = { id: number; name: string; email: string | null }

export type TicketState = {
  id: number
  subject: string
  status: TicketStatus | null
  priority: TicketPriority | null
  tags: string[]
  channel: Channel
  /** Epoch ms; null for a ticket not created yet. */
  createdAt: number | null
  updatedAt: number | null
  requester: TicketPerson | null
  organizationId: number | null
  assigneeId: number | null
  groupId: number | null
}

/** The ticket events that change the score (the requester's id event covers older hosts). */
export const TICKET_SCORE_EVENTS = [
  'ticket.priority.changed',
  'ticket.status.changed',
  'ticket.tags.changed',
  'ticket.requester.changed',
  'ticket.requester.id.changed',
] as const

/** The ZAF paths the ticket state is read from. */
export const TICKET_STATE_PATHS = [
  'ticket.id',
  'ticket.subject',
  'ticket.status',
  'ticket.priority',
  'ticket.tags',
  'ticket.via',
  'ticket.createdAt',
  'ticket.updatedAt',
  'ticket.requester',
  'ticket.organization',
  'ticket.assignee',
] as const

const idOf = (v: unknown): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null
const instant = (v: unknown): number | null => {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN
  return Number.isNaN(ms) ? null : ms
}

function personOf(raw: unknown): TicketPerson | null {
  if (!isRecord(raw)) return null
  const id = idOf(raw.id)
  if (id === null) return null
  return {
    id,
    name: typeof raw.name === 'string' ? raw.name : '',
    email: typeof raw.email === 'string' && raw.email !== '' ? raw.email : null,
  }
}

/**
 * Reads the ticket from ZAF in one `get`. Values ZAF could not give are left empty, never thrown;
 * only a missing ticket id is an error (the sidebar has nothing to score).
 *
 * @example
 * (await fetchTicketState(client)).priority //=> 'high'
 */
export async function fetchTicketState(client: ZafClient): Promise<TicketState> {
  return ticketStateOf(await client.get([...TICKET_STATE_PATHS]))
}

/**
 * The ticket state from a ZAF `get` answer that holds `TICKET_STATE_PATHS` (and maybe more).
 *
 * @example
 * ticketStateOf(await client.get([...TICKET_STATE_PATHS, 'currentUser'])).id //=> 100
 */
export function ticketStateOf(result: ZafGetResult): TicketState {
  const id = idOf(result['ticket.id'])
  if (id === null) {
    const why = result.errors['ticket.id']?.message ?? 'no ticket.id'
    throw new Error(`Zendesk did not return the open ticket (${why})`)
  }
  const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : '')
  const status = lower(result['ticket.status'])
  const priority = lower(result['ticket.priority'])
  const via = result['ticket.via']
  const tags = result['ticket.tags']
  const assignee = result['ticket.assignee']
  return {
    id,
    subject: typeof result['ticket.subject'] === 'string' ? result['ticket.subject'] : '',
    status: (TICKET_STATUSES as readonly string[]).includes(status)
      ? (status as TicketStatus)
      : null,
    priority: (TICKET_PRIORITIES as readonly string[]).includes(priority)
      ? (priority as TicketPriority)
      : null,
    tags: Array.isArray(tags)
      ? tags.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase())
      : [],
    channel: normalizeChannel(isRecord(via) ? via.channel : undefined).channel,
    createdAt: instant(result['ticket.createdAt']),
    updatedAt: instant(result['ticket.updatedAt']),
    requester: personOf(result['ticket.requester']),
    organizationId: isRecord(result['ticket.organization'])
      ? idOf(result['ticket.organization'].id)
      : null,
    assigneeId: isRecord(assignee) ? (personOf(assignee.user)?.id ?? null) : null,
    groupId: isRecord(assignee) && isRecord(assignee.group) ? idOf(assignee.group.id) : null,
  }
}

/**
 * The open ticket, refreshed on `TICKET_SCORE_EVENTS`. ZAF answers from the page, so a refresh
 * costs no API request.
 */
export function useTicketState() {
  const { client, context } = useRegisteredClient()
  const queryClient = useQueryClient()
  const key = queryKeys.ticketState.one(context.ticketId ?? 0)
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchTicketState(client),
    staleTime: Infinity,
  })
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: key })
    for (const name of TICKET_SCORE_EVENTS) client.on(name, refresh)
    return () => {
      for (const name of TICKET_SCORE_EVENTS) client.off(name, refresh)
    }
    // `key` is rebuilt each render; its content only changes with the ticket id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, queryClient, context.ticketId])
  return query
}
