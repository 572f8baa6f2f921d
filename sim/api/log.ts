// The request log: every request the simulated API answered, for tests and benchmarks to count calls.

export type RequestLogEntry = {
  method: string
  /** Path without the query, as requested (e.g. `/api/v2/tickets/show_many.json`). */
  path: string
  /** The raw query string without `?` ('' when none). */
  query: string
  status: number
  /** Wall-clock handling time in ms (includes injected delays). */
  durationMs: number
  /** Account clock at the request, ISO. */
  at: string
  /** Authenticated user id, or null when the request was refused before authentication. */
  userId: number | null
  /** Injected fault, if any. */
  fault?: string
}

export type RequestLog = {
  readonly entries: readonly RequestLogEntry[]
  add: (entry: RequestLogEntry) => void
  clear: () => void
  /** Number of entries matching a filter (method, path prefix or regexp, status). */
  count: (filter?: { method?: string; path?: string | RegExp; status?: number }) => number
}

export function createRequestLog(limit = 100_000): RequestLog {
  const entries: RequestLogEntry[] = []
  return {
    entries,
    add(entry) {
      entries.push(entry)
      if (entries.length > limit) entries.splice(0, entries.length - limit)
    },
    clear() {
      entries.length = 0
    },
    count(filter = {}) {
      return entries.filter((e) => {
        if (filter.method !== undefined && e.method !== filter.method.toUpperCase()) return false
        if (filter.status !== undefined && e.status !== filter.status) return false
        if (typeof filter.path === 'string' && !e.path.startsWith(filter.path)) return false
        if (filter.path instanceof RegExp && !filter.path.test(e.path)) return false
        return true
      }).length
    },
  }
}
