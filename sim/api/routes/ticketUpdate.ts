// PUT /api/v2/tickets/{id}: tags (set, add, remove), custom field values (checked against the
// account's ticket fields), priority and status. Every accepted update moves `updated_at`, so the
// incremental export hands the ticket out again.
import type { TicketChanges } from '../../account'
import type { Json } from '../../entities'
import { checkTicketFieldValues } from '../../custom/ticketFields'
import { ApiError, invalidValue, recordInvalid, unprocessable } from '../errors'
import { type RouteContext, idParam, liveTicket } from './context'

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
const SETTABLE_STATUSES = ['open', 'pending', 'hold', 'solved'] as const
const KNOWN = [
  'id',
  'tags',
  'additional_tags',
  'remove_tags',
  'custom_fields',
  'fields',
  'priority',
  'status',
]

function tagList(v: unknown, name: string): string[] {
  if (
    !Array.isArray(v) ||
    v.some((x) => typeof x !== 'string' || x.trim() === '' || /\s/.test(x))
  ) {
    throw new ApiError(unprocessable(`${name} must be an array of tags without spaces`))
  }
  return v.map((x: string) => x.toLowerCase())
}

function customFields(fields: unknown): { id: number; value: unknown }[] {
  if (!Array.isArray(fields))
    throw new ApiError(unprocessable('custom_fields must be an array of {id, value}'))
  return fields.map((f: unknown, i) => {
    const field = (f ?? {}) as { id?: unknown; value?: unknown }
    if (typeof field.id !== 'number' || !Number.isInteger(field.id)) {
      throw new ApiError(unprocessable(`custom_fields[${i}]: each entry needs an integer id`))
    }
    return { id: field.id, value: field.value ?? null }
  })
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ApiError(
      recordInvalid({
        [name]: [
          {
            description: `${name}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`,
            error: 'InvalidValue',
          },
        ],
      }),
    )
  }
  return value as T
}

/** The route handler. */
export function updateTicket(ctx: RouteContext): Json {
  const id = idParam(ctx)
  const current = ctx.account.ticketJson(liveTicket(ctx, id), ctx.base)
  const body = ctx.body as { ticket?: Record<string, unknown> } | null
  const t = body?.ticket
  if (!t || typeof t !== 'object' || Array.isArray(t))
    throw new ApiError(invalidValue('body must be {"ticket": {...}}'))
  const unknown = Object.keys(t).filter((k) => !KNOWN.includes(k))
  if (unknown.length > 0) {
    throw new ApiError(
      unprocessable(
        `the simulator updates tags, custom fields, priority and status only (got ${unknown.join(', ')})`,
      ),
    )
  }
  if (current.status === 'closed') {
    throw new ApiError(
      recordInvalid({
        status: [{ description: 'Status: closed prevents ticket update', error: 'ClosedTicket' }],
      }),
    )
  }
  const changes: TicketChanges = {}
  if ('tags' in t) changes.tags = tagList(t.tags, 'tags')
  if ('additional_tags' in t) {
    changes.tags = [
      ...(changes.tags ?? (current.tags as string[])),
      ...tagList(t.additional_tags, 'additional_tags'),
    ]
  }
  if ('remove_tags' in t) {
    const remove = new Set(tagList(t.remove_tags, 'remove_tags'))
    changes.tags = (changes.tags ?? (current.tags as string[])).filter((x) => !remove.has(x))
  }
  const fields = t.custom_fields ?? t.fields
  if (fields !== undefined) {
    changes.customFields = checkTicketFieldValues(ctx.account.ticketFields, customFields(fields))
  }
  if ('priority' in t) changes.priority = oneOf(t.priority, PRIORITIES, 'priority')
  if ('status' in t) changes.status = oneOf(t.status, SETTABLE_STATUSES, 'status')
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
