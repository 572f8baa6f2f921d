// How old the data on screen is, for "updated N min ago".

/**
 * Whole minutes from `updatedAt` to `now` (0 for the future or unknown).
 *
 * @example
 * minutesAgo(now - 125_000, now) //=> 2
 */
export function minutesAgo(updatedAt: number | null, now: number): number {
  if (updatedAt === null || !(now > updatedAt)) return 0
  return Math.floor((now - updatedAt) / 60_000)
}
