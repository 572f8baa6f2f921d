// Data-quality rules of the normaliser, each documented in docs/metrics.md ("Bad input").

// The lists live in the core, with the engine's own rules (DataQualityReason).
import type { RepairReason, SkipReason } from '@/core'

export { SKIP_REASONS } from '@/core'

export type Reason = SkipReason | RepairReason

/** Counts per reason; mutable, shared across pages. */
export type ReasonCounts = Partial<Record<Reason, number>>

export function count(reasons: ReasonCounts, reason: Reason, n = 1): void {
  reasons[reason] = (reasons[reason] ?? 0) + n
}
