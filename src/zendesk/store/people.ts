// Checks of the people records read back from the store (users, organizations, groups): a record
// damaged or written by another version is skipped by the loader, with the reason given here.

import { isRecord } from '@/core'

const isId = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v > 0

function stringList(v: unknown): boolean {
  return Array.isArray(v) && v.every((t) => typeof t === 'string')
}

/**
 * Why a stored user is not usable, or null.
 *
 * @example
 * userProblem({ id: 5, name: 'Ana', tags: [], fields: {}, organizationId: null, createdAt: null }) //=> null
 */
export function userProblem(v: unknown): string | null {
  if (!isRecord(v) || !isId(v.id)) return 'not a user record with a positive id'
  if (typeof v.name !== 'string') return `user ${String(v.id)} has no name`
  if (!stringList(v.tags)) return `user ${String(v.id)}: tags is not a list of strings`
  if (!isRecord(v.fields)) return `user ${String(v.id)}: fields is missing (an older record shape)`
  if (v.organizationId !== null && !isId(v.organizationId))
    return `user ${String(v.id)}: organizationId is not an id`
  if (v.createdAt !== null && typeof v.createdAt !== 'number')
    return `user ${String(v.id)}: createdAt is not a time`
  return null
}

/**
 * Why a stored organization is not usable, or null.
 *
 * @example
 * organizationProblem({ id: 9, name: 'Acme', tags: [], fields: {} }) //=> null
 */
export function organizationProblem(v: unknown): string | null {
  if (!isRecord(v) || !isId(v.id)) return 'not an organization record with a positive id'
  if (typeof v.name !== 'string') return `organization ${String(v.id)} has no name`
  if (!stringList(v.tags)) return `organization ${String(v.id)}: tags is not a list of strings`
  if (!isRecord(v.fields))
    return `organization ${String(v.id)}: fields is missing (an older record shape)`
  return null
}

/**
 * Why a stored group is not usable, or null.
 *
 * @example
 * groupProblem({ id: 3, name: 'Billing' }) //=> null
 */
export function groupProblem(v: unknown): string | null {
  if (!isRecord(v) || !isId(v.id)) return 'not a group record with a positive id'
  if (typeof v.name !== 'string') return `group ${String(v.id)} has no name`
  return null
}
