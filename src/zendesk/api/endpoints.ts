// One function per Zendesk endpoint the app reads (docs/zendesk-api.md §1), with Zendesk's caps as
// constants. They take a ZendeskClient and do not know which transport is below it.

import {
  groupsPageSchema,
  incrementalTicketsSchema,
  metricEventsSchema,
  requestedTicketsSchema,
  searchCountSchema,
  searchExportSchema,
  showManyOrganizationsSchema,
  showManyTicketsSchema,
  showUserSchema,
  usersPageSchema,
} from '../schemas'
import type {
  GroupsPage,
  IncrementalTicketsPage,
  MetricEventsPage,
  RequestedTicketsPage,
  SearchExportPage,
  ShowManyTickets,
  UsersPage,
  ZendeskOrganization,
  ZendeskUser,
} from '../schemas'
import type { ZendeskClient } from './client'

// CAPS (docs/zendesk-api.md §3–§5)

/** Cursor pagination: `page[size]` ≤ 100 on list endpoints. */
export const CURSOR_PAGE_MAX = 100
/** `show_many`: ≤ 100 ids per call. */
export const SHOW_MANY_MAX_IDS = 100
/** Incremental cursor export: ≤ 1,000 items per page. */
export const INCREMENTAL_PAGE_MAX = 1000
/** Search export: `page[size]` ≤ 1,000 (100 recommended); cursors expire after 1 h. */
export const SEARCH_EXPORT_PAGE_MAX = 1000
export const SEARCH_EXPORT_CURSOR_TTL_MS = 60 * 60_000

export const TICKET_SIDELOADS = 'metric_sets,users,organizations'

function clamp(n: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(n)))
}

function idList(ids: readonly number[]): string {
  if (ids.length === 0 || ids.length > SHOW_MANY_MAX_IDS)
    throw new RangeError(`show_many takes 1 to ${SHOW_MANY_MAX_IDS} ids, got ${ids.length}`)
  return ids.join(',')
}

/** Splits ids into `show_many`-sized chunks. */
export function chunkIds(ids: readonly number[], size = SHOW_MANY_MAX_IDS): number[][] {
  const out: number[][] = []
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size))
  return out
}

/** A requester's tickets, newest first, one cursor page with sideloads. */
export function fetchRequestedTickets(
  client: ZendeskClient,
  userId: number,
  options: { pageSize?: number; after?: string; include?: string } = {},
): Promise<RequestedTicketsPage> {
  return client.get(
    `/api/v2/users/${userId}/tickets/requested.json`,
    {
      sort_by: 'created_at',
      sort_order: 'desc',
      'page[size]': clamp(options.pageSize ?? CURSOR_PAGE_MAX, CURSOR_PAGE_MAX),
      'page[after]': options.after,
      include: options.include ?? TICKET_SIDELOADS,
    },
    requestedTicketsSchema,
  )
}

export async function fetchTicketsById(
  client: ZendeskClient,
  ids: readonly number[],
  include = TICKET_SIDELOADS,
): Promise<ShowManyTickets> {
  return client.get(
    '/api/v2/tickets/show_many.json',
    { ids: idList(ids), include },
    showManyTicketsSchema,
  )
}

export async function fetchUser(client: ZendeskClient, userId: number): Promise<ZendeskUser> {
  return (await client.get(`/api/v2/users/${userId}.json`, {}, showUserSchema)).user
}

export async function fetchOrganizationsById(
  client: ZendeskClient,
  ids: readonly number[],
): Promise<ZendeskOrganization[]> {
  return (
    await client.get(
      '/api/v2/organizations/show_many.json',
      { ids: idList(ids) },
      showManyOrganizationsSchema,
    )
  ).organizations
}

/** One cursor page of the account's groups (admins and agents may list them). */
export function fetchGroupsPage(
  client: ZendeskClient,
  options: { pageSize?: number; after?: string } = {},
): Promise<GroupsPage> {
  return client.get(
    '/api/v2/groups.json',
    {
      'page[size]': clamp(options.pageSize ?? CURSOR_PAGE_MAX, CURSOR_PAGE_MAX),
      'page[after]': options.after,
    },
    groupsPageSchema,
  )
}

/** The roles of the team: agents and admins (`role[]` is repeated, as Zendesk expects). */
export const TEAM_ROLES = ['agent', 'admin'] as const

/** One cursor page of the account's agents and admins. */
export function fetchTeamUsersPage(
  client: ZendeskClient,
  options: { pageSize?: number; after?: string } = {},
): Promise<UsersPage> {
  return client.get(
    '/api/v2/users.json',
    {
      'role[]': TEAM_ROLES,
      'page[size]': clamp(options.pageSize ?? CURSOR_PAGE_MAX, CURSOR_PAGE_MAX),
      'page[after]': options.after,
    },
    usersPageSchema,
  )
}

/** `search/count`: the true total, also above the 1,000 results search can list. */
export async function searchCount(client: ZendeskClient, query: string): Promise<number> {
  return (await client.get('/api/v2/search/count.json', { query }, searchCountSchema)).count
}

/** One search export page of tickets (cursor only; the type goes in `filter[type]`, not the query). */
export async function fetchSearchExportPage(
  client: ZendeskClient,
  options: { query: string; pageSize?: number; after?: string },
): Promise<SearchExportPage> {
  if (/(^|\s)type:/i.test(options.query))
    throw new RangeError(
      "search export takes the type from filter[type]; remove 'type:' from the query",
    )
  return client.get(
    '/api/v2/search/export.json',
    {
      query: options.query,
      'filter[type]': 'ticket',
      'page[size]': clamp(options.pageSize ?? 100, SEARCH_EXPORT_PAGE_MAX),
      'page[after]': options.after,
    },
    searchExportSchema,
  )
}

/**
 * One incremental cursor export page: `start_time` on the first call only, then only `cursor`
 * (re-sending start_time would restart the export).
 */
export function fetchIncrementalTicketsPage(
  client: ZendeskClient,
  from: { cursor: string } | { startTime: number },
  options: { perPage?: number; include?: string } = {},
): Promise<IncrementalTicketsPage> {
  return client.get(
    '/api/v2/incremental/tickets/cursor.json',
    {
      ...('cursor' in from
        ? { cursor: from.cursor }
        : { start_time: Math.max(0, Math.floor(from.startTime)) }),
      include: options.include ?? TICKET_SIDELOADS,
      per_page: clamp(options.perPage ?? INCREMENTAL_PAGE_MAX, INCREMENTAL_PAGE_MAX),
    },
    incrementalTicketsSchema,
  )
}

/** One page of ticket metric events (SLA), time-based from `startTime` (Unix seconds). */
export function fetchMetricEventsPage(
  client: ZendeskClient,
  startTime: number,
): Promise<MetricEventsPage> {
  return client.get(
    '/api/v2/incremental/ticket_metric_events.json',
    { start_time: Math.max(0, Math.floor(startTime)) },
    metricEventsSchema,
  )
}
