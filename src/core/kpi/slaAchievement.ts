import type { SlaStats } from '../types'
import { ratio } from './rate'

/** The state of one SLA target (ticket × metric × instance) built from its events. */
export interface SlaTargetState {
  /** Earliest `apply_sla` / `apply_group_sla` time, NaN if none. */
  appliedAt: number
  /** Latest `fulfill` time, NaN if none. */
  fulfilledAt: number
  /** Earliest non-deleted `breach` time, NaN if none. */
  breachedAt: number
}

export const SLA_OUTCOMES = ['achieved', 'breached', 'active'] as const
export type SlaOutcome = (typeof SLA_OUTCOMES)[number]

/**
 * Outcome of a target per docs/kpi-definitions.md "SLA achievement" [Z-SLA-EV]: **breached** when a
 * non-deleted breach exists (deleted breaches are ignored upstream); **achieved** when an SLA was
 * applied and then fulfilled; otherwise **active** (left out of rates). The outcome's time anchors
 * it to a period: the breach time, or the fulfil time.
 *
 * @example
 * slaOutcome({ appliedAt: 0, fulfilledAt: 5, breachedAt: NaN }) //=> { outcome: 'achieved', at: 5 }
 * slaOutcome({ appliedAt: 0, fulfilledAt: 9, breachedAt: 7 }) //=> { outcome: 'breached', at: 7 }
 * slaOutcome({ appliedAt: 0, fulfilledAt: NaN, breachedAt: NaN }) //=> { outcome: 'active', at: NaN }
 */
export function slaOutcome(target: SlaTargetState): { outcome: SlaOutcome; at: number } {
  if (!Number.isNaN(target.breachedAt)) return { outcome: 'breached', at: target.breachedAt }
  if (
    !Number.isNaN(target.appliedAt) &&
    !Number.isNaN(target.fulfilledAt) &&
    target.fulfilledAt >= target.appliedAt
  ) {
    return { outcome: 'achieved', at: target.fulfilledAt }
  }
  return { outcome: 'active', at: NaN }
}

/**
 * Achievement rate = achieved / (achieved + breached); active targets are left out [Z-SLA].
 *
 * @example
 * slaStats(3, 1) //=> { achieved: 3, breached: 1, rate: 0.75 }
 */
export function slaStats(achieved: number, breached: number): SlaStats {
  return { achieved, breached, rate: ratio(achieved, achieved + breached) }
}
