// Who a ticket is assigned to: `assignee_id` and `group_id` of a create or an update, checked as
// Zendesk checks them (an agent of the account, an existing group, the assignee a member of it).
import type { SimAccount } from '../../account'
import { ADMIN_ID, groupId, groupIndex, userRef } from '../../skeleton'
import { type Problems, idValue } from './validate'

/** The group an agent (or the admin) is a member of: one each in this account. */
export function groupOfAgent(account: SimAccount, userId: number): number | undefined {
  const ref = userRef(account.skeleton, userId)
  if (ref?.kind === 'agent') return groupId(account.skeleton.agentGroup[ref.index] ?? 0)
  return userId === ADMIN_ID ? groupId(0) : undefined
}

export type Assignment = { assigneeId?: number | null; groupId?: number | null }

/**
 * Checks `assignee_id` and `group_id` of a request against the ticket's current assignment and
 * returns the new one. An assignee alone brings their group; a group alone keeps the assignee only
 * when they are a member of it.
 *
 * @example
 * assignment(account, { assignee_id: 10000100 }, { assigneeId: null, groupId: null }, problems)
 * //=> { assigneeId: 10000100, groupId: 30000000 }
 */
export function assignment(
  account: SimAccount,
  input: Record<string, unknown>,
  current: { assigneeId: number | null; groupId: number | null },
  problems: Problems,
): Assignment {
  const out: Assignment = {}
  let assignee: number | null | undefined
  let group: number | null | undefined
  if ('assignee_id' in input) {
    assignee = idValue(input.assignee_id, 'assignee_id', problems)
    if (
      assignee !== null &&
      !Number.isNaN(assignee) &&
      groupOfAgent(account, assignee) === undefined
    )
      problems.add('assignee_id', `assignee_id: ${assignee} is not an agent of this account`)
  }
  if ('group_id' in input) {
    group = idValue(input.group_id, 'group_id', problems)
    if (group !== null && !Number.isNaN(group) && groupIndex(account.skeleton, group) === undefined)
      problems.add('group_id', `group_id: ${group} is not a group of this account`)
  }
  if (!problems.empty) return out
  if (assignee !== undefined) out.assigneeId = assignee
  if (group !== undefined) out.groupId = group
  const member = assignee ?? null
  if (member !== null) {
    const own = groupOfAgent(account, member)
    if (group !== undefined && group !== null && group !== own)
      problems.add('assignee_id', `assignee_id: ${member} is not a member of group ${group}`)
    else out.groupId = own ?? null
  } else if (assignee === undefined && group !== undefined && group !== null) {
    // A new group keeps the assignee only if they belong to it.
    const kept = current.assigneeId
    if (kept !== null && groupOfAgent(account, kept) !== group) out.assigneeId = null
  }
  return out
}
