// Data-quality rules of the normaliser, each documented in docs/metrics.md ("Bad input").

/** Rules that drop the record (it is read but not held). */
export const SKIP_REASONS = [
  'invalidId',
  'invalidCreatedAt',
  'unknownStatus',
  'notAnObject',
] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

/** Rules that repair a field and keep the record. */
export const REPAIR_REASONS = [
  'missingMetricSet',
  'unknownChannel',
  'negativeDuration',
  'absurdDuration',
  'invalidDuration',
  'invalidCount',
  'invalidUpdatedAt',
  'solvedWithoutSolvedAt',
  'unknownCsatScore',
  'invalidSlaEvent',
] as const
export type RepairReason = (typeof REPAIR_REASONS)[number]

export type Reason = SkipReason | RepairReason

/** Counts per reason; mutable, shared across pages. */
export type ReasonCounts = Partial<Record<Reason, number>>

export function count(reasons: ReasonCounts, reason: Reason, n = 1): void {
  reasons[reason] = (reasons[reason] ?? 0) + n
}
