// The signed-in user from ZAF, without React, so the background can read it too.

import type { ZafClient } from '../zaf/types'

export type CurrentUser = {
  id: number
  name: string
  role: string
  customRoleName: string | null
  locale: string | null
}

/** The signed-in agent from ZAF's `currentUser` (role as Zendesk reports it). */
export async function fetchCurrentUser(client: ZafClient): Promise<CurrentUser> {
  return currentUserOf((await client.get('currentUser')).currentUser)
}

/**
 * The signed-in agent from the value of ZAF's `currentUser` path; throws when it has no id.
 *
 * @example
 * currentUserOf({ id: 7, name: 'Ana', role: 'agent', locale: 'es' }).locale //=> 'es'
 */
export function currentUserOf(value: unknown): CurrentUser {
  const raw = value as Record<string, unknown> | null | undefined
  if (typeof raw !== 'object' || raw === null || typeof raw.id !== 'number') {
    throw new Error('Zendesk did not return the signed-in user (currentUser)')
  }
  const role = raw.role
  return {
    id: raw.id,
    name: typeof raw.name === 'string' ? raw.name : `#${raw.id}`,
    // ZAF reports custom roles by name in `role` in some accounts and in `customRole` in others.
    role: typeof role === 'string' ? role : 'agent',
    customRoleName:
      typeof raw.customRole === 'object' && raw.customRole !== null && 'name' in raw.customRole
        ? String(raw.customRole.name)
        : null,
    locale: typeof raw.locale === 'string' ? raw.locale : null,
  }
}
