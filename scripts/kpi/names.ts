// Agent and group names for the readable report, from the pages' sideloads: `users` (requesters,
// submitters and assignees) and `groups` (the live sync asks for them; a dataset file may hold
// them). Names are a nicety: a record without a usable id or name is passed over.

import { isRecord } from '@/core'

/** Names by id, as the pages sideload them. */
export interface TeamNames {
  users: Map<number, string>
  groups: Map<number, string>
}

export function emptyNames(): TeamNames {
  return { users: new Map(), groups: new Map() }
}

function collect(into: Map<number, string>, list: unknown): void {
  if (!Array.isArray(list)) return
  for (const item of list as unknown[]) {
    if (!isRecord(item) || !Number.isSafeInteger(item.id) || typeof item.name !== 'string') continue
    const name = item.name.trim()
    if (name !== '') into.set(item.id as number, name)
  }
}

/**
 * Adds the names in a page's `users` and `groups` sideloads (a later page's name wins, as the
 * newest version of a record does).
 *
 * @example
 * const names = emptyNames()
 * addNames(names, { users: [{ id: 7001, name: 'Ana Ruiz' }], groups: [{ id: 30, name: 'Billing' }] })
 * names.groups.get(30) //=> 'Billing'
 */
export function addNames(names: TeamNames, page: object): void {
  if ('users' in page) collect(names.users, page.users)
  if ('groups' in page) collect(names.groups, page.groups)
}

/**
 * One label per team member of a table: the name; the name with the id where two members of the
 * table share it; the id where no name is known; `none` for tickets without anyone.
 *
 * @example
 * memberLabels([7001, 7002, 7003, null], new Map([[7001, 'Ana'], [7002, 'Ana']]), 'unassigned')
 * //=> ['Ana (7001)', 'Ana (7002)', '7003', 'unassigned']
 */
export function memberLabels(
  ids: readonly (number | null)[],
  names: ReadonlyMap<number, string>,
  none: string,
): string[] {
  const uses = new Map<string, number>()
  for (const id of ids) {
    const name = id === null ? undefined : names.get(id)
    if (name !== undefined) uses.set(name, (uses.get(name) ?? 0) + 1)
  }
  return ids.map((id) => {
    if (id === null) return none
    const name = names.get(id)
    if (name === undefined) return String(id)
    return (uses.get(name) ?? 0) > 1 ? `${name} (${id})` : name
  })
}
