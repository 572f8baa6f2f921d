// People endpoints: the signed-in user, users (list with role filters, show, show_many), organizations
// and groups with their memberships. Lists page like Zendesk (cursor or offset, 100 per page).
import type { UserRole } from '../../account'
import type { Json } from '../../entities'
import { groupJson, organizationJson } from '../../entities'
import { ADMIN_ID, agentId, groupId, groupIndex, orgIndex } from '../../skeleton'
import { iso } from '../../time'
import { ApiError, invalidValue, notFound } from '../errors'
import { paginate } from '../paging'
import { type Route, type RouteContext, idParam, p, parseIds } from './context'

const USER_ROLES: readonly UserRole[] = ['end-user', 'agent', 'admin']
const MEMBERSHIP_BASE = 80_000_000

/** The roles asked for with `role` or `role[]` (all when neither is given). */
function roleFilter(ctx: RouteContext): Set<UserRole> {
  const asked = [...ctx.url.searchParams.getAll('role'), ...ctx.url.searchParams.getAll('role[]')]
  if (asked.length === 0) return new Set(USER_ROLES)
  for (const r of asked) {
    if (!(USER_ROLES as readonly string[]).includes(r))
      throw new ApiError(
        invalidValue(`role: '${r}' is not a role of this account (${USER_ROLES.join(', ')})`),
      )
  }
  return new Set(asked as UserRole[])
}

/** Group memberships: the admin in the default group, each agent in its own group. */
function memberships(ctx: RouteContext): Json[] {
  const skeleton = ctx.account.skeleton
  const at = iso(skeleton.startMs - 200 * 86_400_000)
  const one = (id: number, userId: number, group: number): Json => ({
    url: `${ctx.base}/api/v2/group_memberships/${id}.json`,
    id,
    user_id: userId,
    group_id: groupId(group),
    default: true,
    created_at: at,
    updated_at: at,
  })
  const out = [one(MEMBERSHIP_BASE, ADMIN_ID, 0)]
  for (let i = 0; i < skeleton.agentCount; i++)
    out.push(one(MEMBERSHIP_BASE + 1 + i, agentId(i), skeleton.agentGroup[i] ?? 0))
  return out
}

export const PEOPLE_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: p('/api/v2/users'),
    allowed: 'agent',
    handle: (ctx) => {
      const roles = roleFilter(ctx)
      const ids = ctx.account.userIds(roles)
      const page = paginate(
        ids,
        ctx.url,
        { maxSize: 100, defaultSize: 100 },
        `users:${[...roles].sort().join(',')}`,
      )
      return {
        users: page.items.map((id) => ctx.account.userJson(id, 'admin', ctx.base)).filter(Boolean),
        ...page.envelope,
      }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/users/me'),
    allowed: 'end-user',
    handle: (ctx) => ({
      user: ctx.account.userJson(
        ctx.userId,
        ctx.role === 'end-user' ? 'end-user' : 'admin',
        ctx.base,
      ),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/users/show_many'),
    allowed: 'agent',
    handle: (ctx) => ({
      users: parseIds(ctx)
        .map((id) => ctx.account.userJson(id, 'admin', ctx.base))
        .filter(Boolean),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/users/{id}'),
    allowed: 'end-user',
    selfOnly: true,
    handle: (ctx) => {
      const user = ctx.account.userJson(
        idParam(ctx),
        ctx.role === 'end-user' ? 'end-user' : 'admin',
        ctx.base,
      )
      if (!user) throw new ApiError(notFound())
      return { user }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/organizations/show_many'),
    allowed: 'agent',
    handle: (ctx) => ({
      organizations: parseIds(ctx)
        .map((id) => orgIndex(ctx.account.skeleton, id))
        .filter((i): i is number => i !== undefined)
        .map((i) => organizationJson(ctx.account.skeleton, i, ctx.base)),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/organizations/{id}'),
    allowed: 'agent',
    handle: (ctx) => {
      const i = orgIndex(ctx.account.skeleton, idParam(ctx))
      if (i === undefined) throw new ApiError(notFound())
      return { organization: organizationJson(ctx.account.skeleton, i, ctx.base) }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/groups'),
    allowed: 'agent',
    handle: (ctx) => {
      const skeleton = ctx.account.skeleton
      const all = Array.from({ length: skeleton.groupCount }, (_, i) => i)
      const page = paginate(all, ctx.url, { maxSize: 100, defaultSize: 100 }, 'groups')
      return { groups: page.items.map((i) => groupJson(skeleton, i, ctx.base)), ...page.envelope }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/groups/{id}'),
    allowed: 'agent',
    handle: (ctx) => {
      const i = groupIndex(ctx.account.skeleton, idParam(ctx))
      if (i === undefined) throw new ApiError(notFound())
      return { group: groupJson(ctx.account.skeleton, i, ctx.base) }
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/group_memberships'),
    allowed: 'agent',
    handle: (ctx) => {
      const page = paginate(
        memberships(ctx),
        ctx.url,
        { maxSize: 100, defaultSize: 100 },
        'memberships',
      )
      return { group_memberships: page.items, ...page.envelope }
    },
  },
]
