// The team's names: groups (`/api/v2/groups`) and agents (`/api/v2/users?role[]=agent&role[]=admin`),
// listed with cursor pagination and written in one transaction. Refreshed at most once per
// interval; a listing the user may not read (403) is noted in `meta.people`, never fatal, and a
// passing failure is noted too and tried again at the next round.

import { cursorPages } from '../api/paginate'
import { fetchGroupsPage, fetchTeamUsersPage } from '../api/endpoints'
import { isZendeskApiError } from '../errors'
import { storedUserOf } from '../normalize'
import type { PeopleSyncState } from '../store/db'
import type { StoredGroup, StoredUser } from '../store/types'
import type { SyncContext } from './context'

/** How often groups and agents are listed again. */
export const PEOPLE_REFRESH_MS = 60 * 60_000

/**
 * Lists groups and agents when the stored listing is older than `refreshMs`; returns the new state
 * (or the stored one when fresh).
 *
 * @example
 * await peopleRound(ctx, await readPeopleState(db))
 */
export async function peopleRound(
  ctx: SyncContext,
  stored: PeopleSyncState | undefined,
  options: { refreshMs?: number } = {},
): Promise<PeopleSyncState> {
  const now = ctx.timer.now()
  if (stored !== undefined && now - stored.syncedAt < (options.refreshMs ?? PEOPLE_REFRESH_MS))
    return stored
  const groups: StoredGroup[] = []
  const agents: StoredUser[] = []
  try {
    for await (const page of cursorPages(
      (after) => fetchGroupsPage(ctx.client, after !== undefined ? { after } : {}),
      'GET /api/v2/groups.json',
    )) {
      for (const g of page.groups) if (g.deleted !== true) groups.push({ id: g.id, name: g.name })
    }
    for await (const page of cursorPages(
      (after) => fetchTeamUsersPage(ctx.client, after !== undefined ? { after } : {}),
      'GET /api/v2/users.json',
    )) {
      for (const raw of page.users) {
        const u = storedUserOf(raw, {})
        if (u !== null) agents.push(u)
      }
    }
  } catch (err) {
    if (!isZendeskApiError(err) || err.code === 'cancelled') throw err
    // names are a nicety: the figures do not depend on them, so the sync goes on. A refusal is
    // asked again after the interval; a passing failure (5xx, rate limit, network) next round.
    const failed: PeopleSyncState = {
      syncedAt: err.retryable ? (stored?.syncedAt ?? 0) : now,
      groups: stored?.groups ?? 0,
      agents: stored?.agents ?? 0,
      error: err.message,
    }
    await ctx.commit.savePeopleState(failed)
    return failed
  }
  const state: PeopleSyncState = {
    syncedAt: now,
    groups: groups.length,
    agents: agents.length,
    error: null,
  }
  await ctx.commit.people(groups, agents, state)
  return state
}
