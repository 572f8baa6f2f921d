// Rows of the agents and groups tables: names instead of ids, each figure with its kpi path.

import type { TeamMemberKpis } from '@/core'

export interface TeamRow {
  id: number | null
  /** The name from the source; null when unknown (the view labels it by id or "unassigned"). */
  name: string | null
  solved: number
  firstReplyMinutesMedian: number | null
  fullResolutionMinutesMedian: number | null
  oneTouchRate: number | null
  csatScore: number | null
  /** Path of this member in the kpi command's JSON, e.g. `agents.3` (add `.solved`, …). */
  kpi: string
}

/**
 * The report's `agents` or `groups` joined with their names, in the report's order (the tables
 * sort them); the kpi path keeps the member's index in the command's JSON.
 *
 * @example
 * teamRows([{ id: 7, solved: 3, firstReplyMinutesMedian: 12, fullResolutionMinutesMedian: 80, oneTouchRate: 0.5, csatScore: 1 }], { 7: 'Ana' }, 'agents')[0]
 * //=> { id: 7, name: 'Ana', solved: 3, ..., kpi: 'agents.0' }
 */
export function teamRows(
  members: readonly TeamMemberKpis[],
  names: Readonly<Record<number, string>>,
  kind: 'agents' | 'groups',
  prefix = '',
): TeamRow[] {
  return members.map((m, i) => ({
    ...m,
    name: m.id === null ? null : (names[m.id] ?? null),
    kpi: `${prefix}${kind}.${i}`,
  }))
}
