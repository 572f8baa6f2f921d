// The progress of `kpi --base-url` on stderr: pages, tickets and time left. On a terminal one live
// line, rewritten in place (\r); otherwise (a log file, CI) a line every 30 s and a last one at the
// end, so logs stay short. stdout never carries it: with --json it holds the report only.

export type ProgressSink = {
  write: (text: string) => void
  /** True when the sink is a terminal. */
  isTTY: boolean
}

export type SyncProgressLine = {
  phase: 'tickets' | 'events'
  pages: number
  tickets: number
  /** ms left; null while there is nothing to go on. */
  etaMs: number | null
}

/** Between two lines when the sink is not a terminal. */
export const LOG_INTERVAL_MS = 30_000

/**
 * "2h 05m", "4m 10s", "12s".
 *
 * @example
 * formatDuration(7_500_000) //=> '2h 05m'
 */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s >= 3600)
    return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
  if (s >= 60) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
  return `${s}s`
}

/**
 * The text of one progress line.
 *
 * @example
 * progressText({ phase: 'tickets', pages: 12, tickets: 12000, etaMs: 250_000 })
 * //=> 'kpi: syncing tickets: 12 pages, 12,000 tickets, about 4m 10s left'
 */
export function progressText(p: SyncProgressLine): string {
  const left = p.etaMs === null ? 'estimating time left' : `about ${formatDuration(p.etaMs)} left`
  const what =
    p.phase === 'tickets'
      ? `syncing tickets: ${p.pages.toLocaleString('en-US')} pages, ${p.tickets.toLocaleString('en-US')} tickets, ${left}`
      : `syncing SLA events: ${p.pages.toLocaleString('en-US')} pages (${p.tickets.toLocaleString('en-US')} tickets synced)`
  return `kpi: ${what}`
}

/**
 * A progress reporter over `sink`, timed by `now` (ms).
 *
 * @example
 * const progress = createProgress(process.stderr, () => Date.now())
 * progress.update({ phase: 'tickets', pages: 1, tickets: 1000, etaMs: null })
 * progress.done()
 */
export function createProgress(sink: ProgressSink, now: () => number) {
  let lastLogged: number | null = null
  let last: SyncProgressLine | null = null
  let lastShown = false
  let width = 0
  return {
    update(p: SyncProgressLine): void {
      last = p
      lastShown = false
      const text = progressText(p)
      if (sink.isTTY) {
        // pad over a longer previous line instead of relying on terminal escapes
        sink.write(`\r${text.padEnd(width)}`)
        width = text.length
        lastShown = true
      } else if (lastLogged === null || now() - lastLogged >= LOG_INTERVAL_MS) {
        sink.write(`${text}\n`)
        lastLogged = now()
        lastShown = true
      }
    },
    /** Ends the live line, or logs the last state when it was not logged yet. */
    done(): void {
      if (last === null) return
      if (sink.isTTY) sink.write('\n')
      else if (!lastShown) sink.write(`${progressText(last)}\n`)
      last = null
    },
  }
}

export type Progress = ReturnType<typeof createProgress>
