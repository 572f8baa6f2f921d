// Lengths of time in milliseconds, the unit of every instant in the app (`Date.now()`, parsed
// timestamps). One definition, so a conversion reads the same everywhere.

/** One minute in milliseconds. @example 90 * MINUTE_MS //=> 5_400_000 */
export const MINUTE_MS = 60_000

/** One hour in milliseconds. @example 2 * HOUR_MS //=> 7_200_000 */
export const HOUR_MS = 3_600_000

/** One day (24 hours, not a calendar day) in milliseconds. @example 7 * DAY_MS //=> 604_800_000 */
export const DAY_MS = 86_400_000
