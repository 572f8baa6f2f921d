// CSV downloads of the dashboard's tables and drill-downs (text from the core's csvRows).

import { csvRows } from '@/core'

/** File name of an export: `retention-radar-<what>-<from>-<to>.csv`, safe for every OS. */
export function csvFileName(what: string, from: string, to: string): string {
  const safe = `${what}-${from}-${to}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-')
  return `retention-radar-${safe}.csv`
}

/**
 * Saves one table as a CSV file: the header row, then one row per table row or ticket. Returns
 * the text it saved, so tests and callers can check it.
 */
export function downloadCsv(
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const text = csvRows(header, rows)
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
  return text
}
