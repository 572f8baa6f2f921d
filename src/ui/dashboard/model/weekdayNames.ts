// Weekday names in the reader's language, Monday first (the order of the report's heatmap).

/**
 * Seven weekday names, Monday first, from Intl (2024-01-01 was a Monday).
 *
 * @example
 * weekdayNames('en', 'short') //=> ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
 */
export function weekdayNames(locale: string, width: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' })
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2024, 0, 1 + i)))
}
