// TYPES — one interface for every way the data layer reaches Zendesk. The typed API functions sit
// above it and never know whether ZAF's proxy or axios carries the request.

export type HttpMethod = 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE'

export type TransportRequest = {
  method: HttpMethod
  /** Path and query relative to the account, e.g. `/api/v2/tickets/show_many.json?ids=1,2`. */
  path: string
  /** JSON body for PUT/PATCH/POST. */
  body?: unknown
  /** Aborts the request (the governor's stop). */
  signal?: AbortSignal
}

export type TransportResponse = {
  status: number
  /** Header names in lower case. */
  headers: Record<string, string>
  /** The raw body: the client parses it once, so truncated JSON is caught in one place. */
  text: string
}

/**
 * Sends one HTTP request and resolves with whatever status came back. Rejects only with a
 * ZendeskApiError of code `network`, `timeout` or `cancelled` (no HTTP answer at all).
 */
export type Transport = {
  readonly kind: 'zaf' | 'axios' | 'custom'
  send(request: TransportRequest): Promise<TransportResponse>
}

/** Lower-cases header names; joins array values with ', '. */
export function normalizeHeaders(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (typeof raw !== 'object' || raw === null) return out
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined || value === null) continue
    const parts: unknown[] = Array.isArray(value) ? value : [value]
    out[key.toLowerCase()] = parts
      .filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      .join(', ')
  }
  return out
}

/** Whether `signal` has aborted (a call, so TypeScript does not narrow across awaits). */
export function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true
}
