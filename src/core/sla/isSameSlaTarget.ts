/**
 * Whether a breach instant belongs to the target a warning was already given for. Zendesk does not
 * number SLA targets, so a target is told apart by when it breaches: a breach that moved by no more
 * than the warning window (a pause and resume, a clock tick) is the same target; one further away
 * is a new target of the same metric (the next reply after a fulfilled one).
 *
 * @param warnedBreachAt the breach instant of the earlier warning, epoch ms
 * @param breachAt the breach instant now reported, epoch ms
 * @param warningMinutes the warning window (the `slaWarningMinutes` setting)
 * @returns true when no second warning is due
 *
 * @example
 * isSameSlaTarget(Date.UTC(2026, 9, 1, 12), Date.UTC(2026, 9, 1, 12, 5), 30) //=> true
 * isSameSlaTarget(Date.UTC(2026, 9, 1, 12), Date.UTC(2026, 9, 1, 16), 30) //=> false
 */
export function isSameSlaTarget(
  warnedBreachAt: number,
  breachAt: number,
  warningMinutes: number,
): boolean {
  if (!Number.isFinite(warnedBreachAt) || !Number.isFinite(breachAt)) return false
  return Math.abs(breachAt - warnedBreachAt) <= Math.max(0, warningMinutes) * 60_000
}
