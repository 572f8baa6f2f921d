// CSV text for a table a view exports (drill-down lists, report tables).

/** A cell: text, a number, a boolean, or empty (null / undefined). */
export type CsvCell = string | number | boolean | null | undefined

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  let text: string
  if (typeof value === 'number') {
    // a number is data, not a formula: negative numbers stay as they are
    text = Number.isFinite(value) ? String(value) : ''
  } else {
    text = String(value)
    if (FORMULA_START.test(text)) text = `'${text}`
  }
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * RFC 4180 CSV: a header row, then one row per item; fields separated by commas, rows ended by
 * CRLF (the last one too). A field holding a comma, a double quote, a line break or leading or
 * trailing spaces is quoted, its quotes doubled. Text cells that start with `=`, `+`, `-`, `@`,
 * a tab or a carriage return get a leading single quote, so a spreadsheet shows them instead of
 * running them as formulas; numbers are never changed (a negative number stays a number). Rows
 * shorter than the header are padded with empty fields; longer rows are an error, since their
 * extra cells would land under no column.
 *
 * @throws RangeError naming the row when it has more cells than the header
 * @example
 * csvRows(['id', 'subject'], [[1, 'Refund, please'], [2, '=HYPERLINK("x")']])
 * //=> 'id,subject\r\n1,"Refund, please"\r\n2,"\'=HYPERLINK(""x"")"\r\n'
 */
export function csvRows(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(cell).join(',')]
  let index = 0
  for (const row of rows) {
    index++
    if (row.length > header.length) {
      throw new RangeError(
        `csvRows: row ${index} has ${row.length} cells but the header has ${header.length}`,
      )
    }
    const cells = row.map(cell)
    while (cells.length < header.length) cells.push('')
    lines.push(cells.join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}
