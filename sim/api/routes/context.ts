// What every route of the simulated API shares: the request context, the route table entry and the
// small parameter helpers (ids, include lists, live tickets).
import type { SimAccount, TicketView, UserRole } from '../../account'
import type { Json } from '../../entities'
import { ApiError, invalidValue, notFound } from '../errors'
import type { LimitKind } from '../ratelimit'

export type RouteContext = {
  account: SimAccount
  url: URL
  /** Origin used in `url` fields and links. */
  base: string
  params: string[]
  userId: number
  role: UserRole
  body: unknown
  /** Hook for the "vanish" fault: called before a ticket is read by id. */
  beforeTicketRead: (id: number) => void
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Methods whose requests carry a JSON body. */
export const BODY_METHODS: readonly Method[] = ['POST', 'PUT', 'PATCH']

export type Route = {
  method: Method
  pattern: RegExp
  /** Lowest role allowed (admin > agent > end-user). */
  allowed: UserRole
  limit?: LimitKind
  /** End users may call this route for themselves only (param 0 must be their id). */
  selfOnly?: boolean
  /** Status of a successful answer (default 200; 201 for creations, 204 for deletions). */
  status?: number
  /** The answer's body (ignored for 204). */
  handle: (ctx: RouteContext) => Json
  /** Headers of a successful answer drawn from its body (e.g. `Location` of a creation). */
  headers?: (body: Json) => Record<string, string>
}

const RANK: Record<UserRole, number> = { 'end-user': 0, agent: 1, admin: 2 }
export const roleAllows = (role: UserRole, allowed: UserRole): boolean =>
  RANK[role] >= RANK[allowed]

/**
 * A path pattern: `{id}` is a numeric id, `{key}` a custom object or field key, `{rid}` a custom object
 * record id; `.json` is optional as on Zendesk.
 */
export const p = (path: string): RegExp =>
  new RegExp(
    `^${path
      .replace(/\{id\}/g, '(\\d+)')
      .replace(/\{key\}/g, '([A-Za-z0-9_]+)')
      .replace(/\{rid\}/g, '([A-Za-z0-9]+)')
      .replace(/\//g, '\\/')}(?:\\.json)?$`,
  )

export function idParam(ctx: RouteContext, i = 0): number {
  return Number(ctx.params[i])
}

export function parseIds(ctx: RouteContext, max = 100): number[] {
  const raw = ctx.url.searchParams.get('ids')
  if (raw === null || raw.trim() === '')
    throw new ApiError(invalidValue('ids: parameter is required'))
  const parts = raw.split(',').map((s) => s.trim())
  if (parts.some((s) => !/^\d+$/.test(s)))
    throw new ApiError(invalidValue(`ids: '${raw}' is not a list of ids`))
  if (parts.length > max) throw new ApiError(invalidValue(`ids: at most ${max} ids are allowed`))
  return parts.map(Number)
}

export function includes(ctx: RouteContext, allowed: readonly string[]): Set<string> {
  const raw = ctx.url.searchParams.get('include')
  const set = new Set<string>()
  if (raw === null || raw === '') return set
  for (const name of raw.split(',').map((s) => s.trim())) {
    if (!allowed.includes(name)) {
      throw new ApiError(
        invalidValue(`include: '${name}' is not supported here (supported: ${allowed.join(', ')})`),
      )
    }
    set.add(name)
  }
  return set
}

export function liveTicket(ctx: RouteContext, id: number): TicketView {
  ctx.beforeTicketRead(id)
  const v = ctx.account.ticket(id)
  if (!v || v.state.status === 'deleted') throw new ApiError(notFound())
  return v
}
