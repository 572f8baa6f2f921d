// Sorting of the dashboard's tables (every column sortable, nulls always last).

export type SortDirection = 'ascending' | 'descending'

export type SortValue = string | number | null

/**
 * Rows sorted by one column, stably; missing values (null) go last in both directions and text
 * compares in the reader's locale.
 *
 * @example
 * sortRows([{ n: 2 }, { n: null }, { n: 1 }], (r) => r.n, 'ascending', 'en') //=> [{ n: 1 }, { n: 2 }, { n: null }]
 */
export function sortRows<T>(
  rows: readonly T[],
  valueOf: (row: T) => SortValue,
  direction: SortDirection,
  locale: string,
): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })
  const sign = direction === 'ascending' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index
        return a.value === null ? 1 : -1
      }
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value))
      return order === 0 ? a.index - b.index : sign * order
    })
    .map((entry) => entry.row)
}
