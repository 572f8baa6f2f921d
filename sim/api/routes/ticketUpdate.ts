// PUT /api/v2/tickets/{id}: tags (set, add, remove), custom field values (checked against the
// account's ticket fields), priority, status, assignee, group and a comment (not kept; on a ticket
// created through the API a public one is the first reply). Every accepted update moves `updated_at`,
// so the incremental export hands the ticket out again.
import type { TicketChanges } from '../../account'
import type { Json } from '../../entities'
import { PRIORITIES } from '../../lifecycle'
import { checkTicketFieldValues } from '../../custom/ticketFields'
import { ApiError, recordInvalid } from '../errors'
import { assignment } from './assignment'
import { type RouteContext, idParam, liveTicket } from './context'
import { Problems, bodyObject, customFieldList, oneOf, onlyKnown, tagList } from './validate'

const SETTABLE_STATUSES = ['open', 'pending', 'hold', 'solved', 'closed'] as const
const KNOWN = [
  'id',
  'tags',
  'additional_tags',
  'remove_tags',
  'custom_fields',
  'fields',
  'priority',
  'status',
  'assignee_id',
  'group_id',
  'comment',
]

const idOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null)

/** A comment `{body, public?}` (public by default, as on Zendesk); only its visibility matters here. */
function commentOf(raw: unknown, problems: Problems): { public: boolean } | undefined {
  const c = raw as { body?: unknown; html_body?: unknown; public?: unknown } | null
  const text = c?.body ?? c?.html_body
  if (typeof text !== 'string' || text.trim() === '') {
    problems.add('comment', 'comment: needs a body that is not blank', 'BlankValue')
    return undefined
  }
  if (c?.public !== undefined && typeof c.public !== 'boolean') {
    problems.add('comment', `comment.public: ${JSON.stringify(c.public)} is not true or false`)
    return undefined
  }
  return { public: c?.public !== false }
}

/** The route handler. */
export function updateTicket(ctx: RouteContext): Json {
  const id = idParam(ctx)
  const current = ctx.account.ticketJson(liveTicket(ctx, id), ctx.base)
  const t = bodyObject(ctx.body, 'ticket')
  onlyKnown(t, KNOWN, 'the simulated ticket update')
  if (current.status === 'closed') {
    throw new ApiError(
      recordInvalid({
        status: [{ description: 'Status: closed prevents ticket update', error: 'ClosedTicket' }],
      }),
    )
  }
  const problems = new Problems()
  const changes: TicketChanges = {}
  const tagsNow = current.tags as string[]
  if ('tags' in t) changes.tags = tagList(t.tags, 'tags', problems) ?? undefined
  if ('additional_tags' in t) {
    const more = tagList(t.additional_tags, 'additional_tags', problems) ?? []
    changes.tags = [...(changes.tags ?? tagsNow), ...more]
  }
  if ('remove_tags' in t) {
    const remove = new Set(tagList(t.remove_tags, 'remove_tags', problems))
    changes.tags = (changes.tags ?? tagsNow).filter((x) => !remove.has(x))
  }
  const fields = t.custom_fields ?? t.fields
  const fieldList = fields === undefined ? undefined : customFieldList(fields, problems)
  if ('priority' in t)
    changes.priority = oneOf(t.priority, PRIORITIES, 'priority', problems) ?? undefined
  if ('status' in t)
    changes.status = oneOf(t.status, SETTABLE_STATUSES, 'status', problems) ?? undefined
  if ('comment' in t) changes.comment = commentOf(t.comment, problems)
  const now = { assigneeId: idOrNull(current.assignee_id), groupId: idOrNull(current.group_id) }
  Object.assign(changes, assignment(ctx.account, t, now, problems))
  const assignee = changes.assigneeId !== undefined ? changes.assigneeId : now.assigneeId
  const status = changes.status ?? current.status
  if ((status === 'solved' || status === 'closed') && assignee === null)
    problems.add(
      'status',
      `Status: ${status} needs an assignee (the ticket has none)`,
      'AssigneeRequired',
    )
  problems.throwIfAny()
  // Zendesk opens a new ticket as soon as someone is assigned.
  if (changes.status === undefined && current.status === 'new' && assignee !== null)
    changes.status = 'open'
  if (fieldList) changes.customFields = checkTicketFieldValues(ctx.account.ticketFields, fieldList)
  ctx.account.updateTicket(id, changes)
  const v = liveTicket(ctx, id)
  return {
    ticket: ctx.account.ticketJson(v, ctx.base),
    audit: {
      ticket_id: id,
      created_at: new Date(ctx.account.clock.now()).toISOString().slice(0, 19) + 'Z',
    },
  }
}
