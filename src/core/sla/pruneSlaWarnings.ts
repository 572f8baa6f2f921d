import type { SlaWarningRecord } from './types'

/**
 * The warning records still worth keeping: a record matters until its target has breached (no
 * warning can be due for it after that), plus a day of slack for clocks that disagree. Keeps the
 * memory small however long the app runs.
 *
 * @param records every remembered warning
 * @param now the account's current instant, epoch ms
 * @returns the records whose breach is less than a day old
 *
 * @example
 * pruneSlaWarnings([{ ticketId: 1, metric: 'm', assigneeId: 2, breachAt: 0, warnedAt: 0 }], 2 * 86_400_000) //=> []
 */
export function pruneSlaWarnings(
  records: readonly SlaWarningRecord[],
  now: number,
): SlaWarningRecord[] {
  if (!Number.isFinite(now)) return [...records]
  return records.filter((r) => r.breachAt + 86_400_000 > now)
}
