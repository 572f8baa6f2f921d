// POST /api/v2/tickets: a ticket created now, for an end user given by id or by name and email (found by
// email, else created; a name alone makes an anonymous requester). The new ticket is like any other:
// readable by id, in its requester's list, in search and the incremental export, with the account's
// SLA policy applied from its priority (see sim/createdTickets.ts for what happens to it afterwards).
import type { NewTicket } from '../../createdTickets'
import type { NewUser } from '../../sessionPeople'
import type { Json } from '../../entities'
import { PRIORITIES, TICKET_TYPES } from '../../lifecycle'
import { checkTicketFieldValues } from '../../custom/ticketFields'
import { CHANNELS } from '../../skeleton'
import { iso } from '../../time'
import { assignment } from './assignment'
import { type Route, type RouteContext, includes, p } from './context'
import { TICKET_INCLUDES, sideloads, ticketOut } from './tickets'
import { requesterInput } from './userWrite'
import { Problems, bodyObject, customFieldList, oneOf, onlyKnown, tagList } from './validate'

const KNOWN = [
  'subject',
  'comment',
  'description',
  'requester_id',
  'requester',
  'assignee_id',
  'group_id',
  'priority',
  'status',
  'type',
  'tags',
  'custom_fields',
  'fields',
  'via',
]
const CREATE_STATUSES = ['new', 'open', 'pending', 'hold', 'solved'] as const

/** The first comment's text: `comment.body` (or `html_body`), else `description`. */
function firstComment(t: Record<string, unknown>, problems: Problems): string {
  const comment = t.comment as { body?: unknown; html_body?: unknown } | undefined
  const text = comment?.body ?? comment?.html_body ?? t.description
  if (typeof text === 'string' && text.trim() !== '') return text
  problems.add('base', 'Description: cannot be blank (send comment.body)', 'BlankValue')
  return ''
}

/** The requester: an end user's id, or a new or known user from `requester {name, email, phone}`. */
function requesterOf(
  ctx: RouteContext,
  t: Record<string, unknown>,
  problems: Problems,
): number | NewUser | null {
  if ('requester_id' in t && 'requester' in t) {
    problems.add('requester', 'Give requester_id or requester, not both')
    return null
  }
  if ('requester' in t) return requesterInput(ctx.account, t.requester, problems)
  const id = t.requester_id
  if (id === undefined) {
    problems.add(
      'requester',
      'A ticket needs requester_id or requester {name, email}',
      'BlankValue',
    )
    return null
  }
  if (typeof id !== 'number' || !Number.isInteger(id) || ctx.account.userRole(id) !== 'end-user') {
    problems.add(
      'requester_id',
      `requester_id: ${JSON.stringify(id)} is not an end user of this account`,
    )
    return null
  }
  if (ctx.account.people.isDeleted(id)) {
    problems.add('requester_id', `requester_id: user ${id} is deleted`)
    return null
  }
  return id
}

/** The route handler. */
export function createTicket(ctx: RouteContext): Json {
  const t = bodyObject(ctx.body, 'ticket')
  onlyKnown(t, KNOWN, 'the simulated ticket create')
  const include = includes(ctx, TICKET_INCLUDES)
  const problems = new Problems()
  const description = firstComment(t, problems)
  const requester = requesterOf(ctx, t, problems)
  let subject = description.split('\n')[0]?.slice(0, 100) ?? ''
  if ('subject' in t) {
    if (typeof t.subject === 'string') subject = t.subject
    else problems.add('subject', `subject: ${JSON.stringify(t.subject)} is not text`)
  }
  const priority =
    t.priority === undefined || t.priority === null
      ? 'normal'
      : oneOf(t.priority, PRIORITIES, 'priority', problems)
  const type =
    t.type === undefined || t.type === null ? null : oneOf(t.type, TICKET_TYPES, 'type', problems)
  const via = (t.via ?? {}) as { channel?: unknown }
  if (typeof via !== 'object' || Array.isArray(via))
    problems.add('via', `via: ${JSON.stringify(t.via)} is not {channel}`)
  const channel = via.channel === undefined ? 'api' : oneOf(via.channel, CHANNELS, 'via', problems)
  const tags = t.tags === undefined ? [] : tagList(t.tags, 'tags', problems)
  const fields = t.custom_fields ?? t.fields
  const fieldList = fields === undefined ? [] : customFieldList(fields, problems)
  const assigned = assignment(ctx.account, t, { assigneeId: null, groupId: null }, problems)
  const assigneeId = assigned.assigneeId ?? null
  let status = t.status === undefined ? 'new' : oneOf(t.status, CREATE_STATUSES, 'status', problems)
  if (status === 'solved' && assigneeId === null)
    problems.add('status', 'Status: solved needs an assignee', 'AssigneeRequired')
  problems.throwIfAny()
  const customFields = checkTicketFieldValues(ctx.account.ticketFields, fieldList)
  // Zendesk opens a ticket that has an assignee.
  if (status === 'new' && assigneeId !== null) status = 'open'
  if (
    requester === null ||
    priority === null ||
    channel === null ||
    tags === null ||
    status === null
  )
    throw new Error('validated ticket input is incomplete')
  const input: NewTicket = {
    // The new requester, if any, is created only now that the whole request is valid.
    requesterId: typeof requester === 'number' ? requester : ctx.account.people.create(requester),
    subject,
    description,
    priority,
    status,
    type,
    channel,
    assigneeId,
    groupId: assigned.groupId ?? null,
    tags,
    customFields,
  }
  const v = ctx.account.createTicket(input)
  const out: Json = { ticket: ticketOut(ctx, v, include) }
  sideloads(ctx, [v], include, out)
  return {
    ...out,
    audit: { ticket_id: v.lifecycle.id, created_at: iso(ctx.account.clock.now()) },
  }
}

export const TICKET_CREATE_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: p('/api/v2/tickets'),
    allowed: 'agent',
    status: 201,
    handle: createTicket,
    // As on Zendesk: the new ticket's URL.
    headers: (body) => ({ Location: String((body.ticket as { url?: unknown } | undefined)?.url) }),
  },
]
