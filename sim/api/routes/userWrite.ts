// Writes on people: POST /api/v2/users (end users), PUT /api/v2/users/{id} (name, phone, suspension,
// tags, user fields) and DELETE /api/v2/users/{id} (soft delete: the user stays readable with
// `active: false` and keeps their tickets). Also reads a ticket's `requester {name, email, phone}`.
import type { SimAccount } from '../../account'
import type { Json } from '../../entities'
import type { NewUser, UserChanges } from '../../sessionPeople'
import { ApiError, notFound, forbidden } from '../errors'
import { type Route, type RouteContext, idParam, p } from './context'
import {
  Problems,
  bodyObject,
  emailValue,
  nameValue,
  onlyKnown,
  phoneValue,
  tagList,
} from './validate'

const USER_FIELDS = ['lifetime_value', 'total_orders', 'last_order_at'] as const

/** The account's user fields, checked by type; null clears a field on update. */
function userFields(raw: unknown, problems: Problems): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.add('user_fields', 'user_fields must be an object of field keys to values')
    return {}
  }
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const at = `user_fields.${key}`
    if (!(USER_FIELDS as readonly string[]).includes(key)) {
      problems.add('user_fields', `${at}: no such user field (${USER_FIELDS.join(', ')})`)
    } else if (value === null) {
      out[key] = null
    } else if (key === 'last_order_at') {
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) out[key] = value
      else problems.add('user_fields', `${at}: ${JSON.stringify(value)} is not a date-time`)
    } else if (
      typeof value === 'number' &&
      value >= 0 &&
      (key !== 'total_orders' || Number.isInteger(value))
    ) {
      out[key] = value
    } else {
      const kind = key === 'total_orders' ? 'a whole number' : 'a number'
      problems.add('user_fields', `${at}: ${JSON.stringify(value)} is not ${kind} ≥ 0`)
    }
  }
  return out
}

/** An email no active user has; reports a duplicate. */
function freshEmail(account: SimAccount, raw: unknown, problems: Problems): string | null {
  const email = emailValue(raw, 'email', problems)
  if (email !== null && account.userIdByEmail(email) !== undefined) {
    problems.add('email', `Email: ${email} is already being used by another user`, 'DuplicateValue')
    return null
  }
  return email
}

const CREATE_KNOWN = [
  'name',
  'email',
  'phone',
  'verified',
  'tags',
  'external_id',
  'user_fields',
  'role',
]

/** The body of POST /api/v2/users as a new end user. */
function newUser(account: SimAccount, u: Record<string, unknown>, problems: Problems): NewUser {
  onlyKnown(u, CREATE_KNOWN, 'the simulated user create')
  if (u.role !== undefined && u.role !== 'end-user')
    problems.add(
      'role',
      `role: ${JSON.stringify(u.role)} cannot be created here; the simulated account creates end users (agents need a seat)`,
    )
  if (u.verified !== undefined && typeof u.verified !== 'boolean')
    problems.add('verified', `verified: ${JSON.stringify(u.verified)} is not true or false`)
  if (u.external_id !== undefined && u.external_id !== null && typeof u.external_id !== 'string')
    problems.add('external_id', `external_id: ${JSON.stringify(u.external_id)} is not text`)
  return {
    name: nameValue(u.name, 'name', problems) ?? '',
    email:
      u.email === undefined || u.email === null ? null : freshEmail(account, u.email, problems),
    phone:
      u.phone === undefined || u.phone === null ? null : phoneValue(u.phone, 'phone', problems),
    verified: u.verified === true,
    tags: u.tags === undefined ? [] : (tagList(u.tags, 'tags', problems) ?? []),
    externalId: typeof u.external_id === 'string' ? u.external_id : null,
    userFields: u.user_fields === undefined ? {} : userFields(u.user_fields, problems),
  }
}

/**
 * A ticket's `requester {name, email, phone}`: the active user with that email (an end user), or a
 * new end user, unverified; with no email a name is enough (an anonymous requester, e.g. a caller).
 * A new user is returned, not created: the caller creates it once the whole request is valid.
 */
export function requesterInput(
  account: SimAccount,
  raw: unknown,
  problems: Problems,
): number | NewUser | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.add('requester', 'requester must be an object {name, email, phone}')
    return null
  }
  const r = raw as Record<string, unknown>
  onlyKnown(r, ['name', 'email', 'phone'], 'requester')
  const email =
    r.email === undefined || r.email === null ? null : emailValue(r.email, 'requester', problems)
  if (email !== null) {
    const known = account.userIdByEmail(email)
    if (known !== undefined) {
      if (account.userRole(known) === 'end-user') return known
      problems.add('requester', `requester: ${email} is an agent; requesters here are end users`)
      return null
    }
  }
  const name =
    r.name === undefined && email !== null
      ? (email.split('@')[0] ?? email)
      : nameValue(r.name, 'requester', problems)
  const phone =
    r.phone === undefined || r.phone === null ? null : phoneValue(r.phone, 'requester', problems)
  if (name === null) return null
  return { name, email, phone, verified: false, tags: [], externalId: null, userFields: {} }
}

const UPDATE_KNOWN = ['name', 'phone', 'suspended', 'tags', 'user_fields']

/** The user a PUT or DELETE may change: agents change end users, admins anyone. */
function writableUser(ctx: RouteContext): number {
  const id = idParam(ctx)
  const role = ctx.account.userRole(id)
  if (role === undefined || ctx.account.people.isDeleted(id)) throw new ApiError(notFound())
  if (role !== 'end-user' && ctx.role !== 'admin') throw new ApiError(forbidden())
  return id
}

function updateUser(ctx: RouteContext): Json {
  const id = writableUser(ctx)
  const u = bodyObject(ctx.body, 'user')
  onlyKnown(u, UPDATE_KNOWN, 'the simulated user update')
  const problems = new Problems()
  const changes: UserChanges = {}
  if ('name' in u) changes.name = nameValue(u.name, 'name', problems) ?? undefined
  if ('phone' in u)
    changes.phone = u.phone === null ? null : (phoneValue(u.phone, 'phone', problems) ?? undefined)
  if ('suspended' in u) {
    if (typeof u.suspended !== 'boolean')
      problems.add('suspended', `suspended: ${JSON.stringify(u.suspended)} is not true or false`)
    else if (u.suspended && id === ctx.account.adminId)
      problems.add('suspended', 'The account owner cannot be suspended')
    else changes.suspended = u.suspended
  }
  if ('tags' in u) changes.tags = tagList(u.tags, 'tags', problems) ?? undefined
  if ('user_fields' in u) {
    if (ctx.account.userRole(id) !== 'end-user')
      problems.add('user_fields', 'user_fields: only end users have them in this account')
    else changes.userFields = userFields(u.user_fields, problems)
  }
  problems.throwIfAny()
  ctx.account.people.change(id, changes)
  return { user: ctx.account.userJson(id, 'admin', ctx.base) }
}

function deleteUser(ctx: RouteContext): Json {
  const id = writableUser(ctx)
  const problems = new Problems()
  if (ctx.account.userRole(id) !== 'end-user')
    problems.add('base', `User ${id} is an agent; the simulated account deletes end users only`)
  // As on Zendesk: an end user who requested a ticket that is not closed cannot be deleted.
  const open = ctx.account.ticketIdsOfRequester(id).filter((t) => {
    const v = ctx.account.ticket(t)
    return (
      v !== undefined && !['deleted', 'closed'].includes(String(ctx.account.ticketJson(v).status))
    )
  })
  if (open.length > 0)
    problems.add(
      'base',
      `User ${id} is the requester of tickets that are not closed (${open.join(', ')}); close them first`,
      'RequesterHasOpenTickets',
    )
  problems.throwIfAny()
  ctx.account.people.remove(id)
  return { user: ctx.account.userJson(id, 'admin', ctx.base) }
}

export const USER_WRITE_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: p('/api/v2/users'),
    allowed: 'agent',
    status: 201,
    handle: (ctx) => {
      const problems = new Problems()
      const user = newUser(ctx.account, bodyObject(ctx.body, 'user'), problems)
      problems.throwIfAny()
      const id = ctx.account.people.create(user)
      return { user: ctx.account.userJson(id, 'admin', ctx.base) }
    },
  },
  { method: 'PUT', pattern: p('/api/v2/users/{id}'), allowed: 'agent', handle: updateUser },
  { method: 'DELETE', pattern: p('/api/v2/users/{id}'), allowed: 'agent', handle: deleteUser },
]
