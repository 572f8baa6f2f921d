// What the workspace shows and what ZAF's `get` returns, built from the in-memory simulated
// account: the signed-in user per role, tickets in ZAF's object shape, and the ticket list.
import type { SimAccount, TicketView } from '../account'
import { groupJson, organizationJson } from '../entities'
import { agentId, groupIndex, orgIndex } from '../skeleton'

// ROLES

export const WORKSPACE_ROLES = ['admin', 'lead', 'agent'] as const
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number]

/** The custom role the team lead has (the manifest's default `kpiRoles` names it). */
export const TEAM_LEAD_ROLE = { id: 360_000_900, name: 'Team lead' } as const

export function parseRole(raw: unknown): WorkspaceRole {
  return (WORKSPACE_ROLES as readonly unknown[]).includes(raw) ? (raw as WorkspaceRole) : 'admin'
}

/** The simulated user each role signs in as: the admin, the first agent, the second agent. */
export function roleUserId(account: SimAccount, role: WorkspaceRole): number {
  switch (role) {
    case 'admin':
      return account.adminId
    case 'lead':
      return agentId(0)
    case 'agent':
      return agentId(1)
    default: {
      const exhaustive: never = role
      return exhaustive
    }
  }
}

type Json = Record<string, unknown>

function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/** A user as ZAF returns it (`currentUser`, `ticket.requester`): camelCase, nested objects. */
export function zafUser(account: SimAccount, id: number | null | undefined): Json | null {
  if (typeof id !== 'number') return null
  const u = account.userJson(id, 'admin')
  if (!u) return null
  const groupId = typeof u.default_group_id === 'number' ? u.default_group_id : null
  const gi = groupId === null ? undefined : groupIndex(account.skeleton, groupId)
  const group = gi === undefined ? null : groupJson(account.skeleton, gi, '')
  const orgId = typeof u.organization_id === 'number' ? u.organization_id : null
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    customRole: null,
    locale: str(u.locale) || 'en-US',
    timeZone: { ianaName: str(u.iana_time_zone) || 'Etc/UTC', name: str(u.time_zone) || 'UTC' },
    avatarUrl: null,
    alias: u.alias ?? null,
    externalId: u.external_id ?? null,
    details: str(u.details),
    notes: str(u.notes),
    signature: u.signature ?? null,
    tags: Array.isArray(u.tags) ? u.tags : [],
    groups: group ? [{ id: group.id, name: group.name }] : [],
    organizations: orgId === null ? [] : [zafOrganization(account, orgId)].filter(Boolean),
    userFields: u.user_fields ?? {},
  }
}

function zafOrganization(account: SimAccount, id: number | null): Json | null {
  if (id === null) return null
  const i = orgIndex(account.skeleton, id)
  if (i === undefined) return null
  const o = organizationJson(account.skeleton, i, '')
  return { id: o.id, name: o.name, tags: o.tags, organizationFields: o.organization_fields }
}

/** `currentUser` for a role; the team lead is an agent with the "Team lead" custom role. */
export function currentUser(account: SimAccount, role: WorkspaceRole): Json {
  const user = zafUser(account, roleUserId(account, role))
  if (!user) throw new Error(`the account has no user for role ${role}`)
  return role === 'lead' ? { ...user, customRole: { ...TEAM_LEAD_ROLE } } : user
}

// TICKETS

/** A ticket as ZAF's `get('ticket')` returns it, with `customField:custom_field_<id>` keys. */
export function zafTicket(account: SimAccount, view: TicketView): Json {
  const t = account.ticketJson(view)
  const groupId = typeof t.group_id === 'number' ? t.group_id : null
  const gi = groupId === null ? undefined : groupIndex(account.skeleton, groupId)
  const group = gi === undefined ? null : groupJson(account.skeleton, gi, '')
  const ticket: Json = {
    id: t.id,
    subject: t.subject,
    description: t.description,
    status: t.status,
    priority: t.priority,
    type: t.type,
    tags: t.tags,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    externalId: t.external_id,
    isNew: false,
    via: t.via,
    brand: { id: t.brand_id, name: 'Retention Radar Demo' },
    form: { id: t.ticket_form_id },
    requester: zafUser(account, t.requester_id as number),
    assignee: {
      user: zafUser(account, t.assignee_id as number | null),
      group: group ? { id: group.id, name: group.name } : null,
    },
    organization: zafOrganization(account, t.organization_id as number | null),
    collaborators: [],
    customFields: [],
  }
  const fields = Array.isArray(t.custom_fields) ? (t.custom_fields as Json[]) : []
  ticket.customFields = fields.map((f) => ({ id: f.id, value: f.value }))
  for (const f of fields) ticket[`customField:custom_field_${String(f.id)}`] = f.value
  return ticket
}

export const TICKET_SORTS = ['updated', 'id', 'score', 'priority'] as const
export type TicketSort = (typeof TICKET_SORTS)[number]

export type TicketRow = {
  id: number
  subject: string
  status: string
  priority: string | null
  requester: string
  updatedAt: string
  /** Value of the score field (settings.scoreFieldId) once the app wrote one, else null. */
  score: number | null
}

const PRIORITY_RANK: Record<string, number> = { urgent: 4, high: 3, normal: 2, low: 1 }
const UNSOLVED = new Set(['new', 'open', 'pending', 'hold'])

function scoreOf(fields: unknown, scoreFieldId: number | null): number | null {
  if (scoreFieldId === null || !Array.isArray(fields)) return null
  const field = (fields as Json[]).find((f) => f.id === scoreFieldId)
  const value = field === undefined ? null : Number(field.value)
  return field?.value === null || field?.value === undefined || !Number.isFinite(value)
    ? null
    : value
}

/**
 * One page of the ticket list, sorted over the whole account (unsolved tickets by default). Sort
 * `auto` puts the highest priority scores first once any listed ticket has one (so agents see the
 * order the app wrote), and the latest update first before that; `sort` in the answer says which.
 */
export function listTickets(
  account: SimAccount,
  options: {
    sort?: TicketSort | 'auto'
    descending?: boolean
    offset?: number
    limit?: number
    scope?: 'unsolved' | 'all'
    scoreFieldId?: number | null
  },
): { total: number; rows: TicketRow[]; sort: TicketSort; scored: number } {
  const { descending = true, offset = 0, limit = 50, scope = 'unsolved' } = options
  const scoreFieldId = options.scoreFieldId ?? null
  const items = account
    .tickets()
    .map((view) => ({ view, json: account.ticketJson(view) }))
    .filter(
      ({ json }) =>
        json.status !== 'deleted' && (scope === 'all' || UNSOLVED.has(String(json.status))),
    )
    .map(({ view, json }) => ({
      view,
      json,
      score: scoreOf(json.custom_fields, scoreFieldId),
      updatedMs: account.updatedMs(view),
    }))
  const scored = items.filter((i) => i.score !== null).length
  const asked = options.sort ?? 'updated'
  const sort: TicketSort = asked === 'auto' ? (scored > 0 ? 'score' : 'updated') : asked
  const key = (i: (typeof items)[number]): number => {
    switch (sort) {
      case 'id':
        return i.view.lifecycle.id
      case 'score':
        return i.score ?? -Infinity
      case 'priority':
        return PRIORITY_RANK[String(i.json.priority)] ?? 0
      case 'updated':
        return i.updatedMs
      default: {
        const exhaustive: never = sort
        return exhaustive
      }
    }
  }
  items.sort(
    (a, b) =>
      (descending ? key(b) - key(a) : key(a) - key(b)) || b.view.lifecycle.id - a.view.lifecycle.id,
  )
  const rows = items.slice(offset, offset + limit).map(({ view, json, score }) => ({
    id: view.lifecycle.id,
    subject: str(json.subject),
    status: str(json.status),
    priority: typeof json.priority === 'string' ? json.priority : null,
    requester: str(account.userJson(json.requester_id as number, 'admin')?.name),
    updatedAt: str(json.updated_at),
    score,
  }))
  return { total: items.length, rows, sort, scored }
}
