// The one error type of the data layer. Every failure — transport, HTTP status, unparsable body,
// payload that does not match its schema, cancellation — becomes a ZendeskApiError here, once, so
// callers branch on `code` and `retryable` instead of on strings or library error classes.
// Messages name the endpoint (method + path, never the host or credentials) and, for payload
// errors, the field.

import type { core } from 'zod/mini'

export const API_ERROR_CODES = [
  /** The request never got an HTTP answer (DNS, connection reset, offline). */
  'network',
  /** No answer within the transport's timeout. */
  'timeout',
  /** 429: the account or an endpoint limit was hit. */
  'rate_limited',
  /** 5xx. */
  'server',
  /** 401: credentials missing or wrong. */
  'unauthorized',
  /** 403: the user's role may not call this endpoint (e.g. an agent on an incremental export). */
  'forbidden',
  /** 404: the resource does not exist (e.g. a deleted ticket or user). */
  'not_found',
  /** Another 4xx (bad parameter, expired cursor, search beyond its cap). */
  'bad_request',
  /** A 2xx whose body is not JSON (truncated or malformed). */
  'invalid_json',
  /** A 2xx JSON body that does not match the endpoint's schema. */
  'invalid_payload',
  /** Stopped by the app (e.g. `app.willDestroy`) before an answer arrived. */
  'cancelled',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

const RETRYABLE = new Set<ApiErrorCode>([
  'network',
  'timeout',
  'rate_limited',
  'server',
  'invalid_json',
])

export type ZendeskApiErrorInit = {
  code: ApiErrorCode
  /** `GET /api/v2/users/1/tickets/requested`: method and path, without host or query. */
  endpoint: string
  status?: number | null
  /** Dotted path of the offending field for `invalid_payload` (e.g. `tickets[3].id`). */
  field?: string
  /** Server-requested wait (Retry-After or ratelimit-reset), ms. */
  retryAfterMs?: number
  detail?: string
}

export class ZendeskApiError extends Error {
  override readonly name = 'ZendeskApiError'
  readonly code: ApiErrorCode
  readonly endpoint: string
  readonly status: number | null
  readonly field: string | undefined
  readonly retryAfterMs: number | undefined
  /** Whether sending the same request again may succeed (the governor's retry policy reads it). */
  readonly retryable: boolean

  constructor(init: ZendeskApiErrorInit) {
    const parts = [`${init.endpoint}:`, describeCode(init.code, init.status ?? null)]
    if (init.field !== undefined) parts.push(`at field '${init.field}'`)
    if (init.detail !== undefined && init.detail !== '') parts.push(`(${init.detail})`)
    super(parts.join(' '))
    this.code = init.code
    this.endpoint = init.endpoint
    this.status = init.status ?? null
    this.field = init.field
    this.retryAfterMs = init.retryAfterMs
    this.retryable = RETRYABLE.has(init.code)
  }
}

function describeCode(code: ApiErrorCode, status: number | null): string {
  const s = status === null ? '' : ` ${status}`
  switch (code) {
    case 'network':
      return 'network error'
    case 'timeout':
      return 'timed out'
    case 'rate_limited':
      return `rate limited (HTTP${s})`
    case 'server':
      return `server error (HTTP${s})`
    case 'unauthorized':
      return `not authenticated (HTTP${s})`
    case 'forbidden':
      return `not allowed for this user's role (HTTP${s})`
    case 'not_found':
      return `not found (HTTP${s})`
    case 'bad_request':
      return `request refused (HTTP${s})`
    case 'invalid_json':
      return 'response body is not valid JSON'
    case 'invalid_payload':
      return 'response does not match the expected shape'
    case 'cancelled':
      return 'cancelled'
    default: {
      const never: never = code
      return String(never)
    }
  }
}

// CONSTRUCTORS — the only places that decide which code a failure gets.

/** `GET /api/v2/search/export` from a method and a path that may carry a query string. */
export function endpointOf(method: string, path: string): string {
  const q = path.indexOf('?')
  return `${method.toUpperCase()} ${q < 0 ? path : path.slice(0, q)}`
}

/** Seconds header (Retry-After or ratelimit-reset) → ms, or undefined when absent or unusable. */
export function secondsHeaderMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000)
  return undefined
}

/** The error for a non-2xx HTTP answer. */
export function errorFromStatus(
  endpoint: string,
  status: number,
  headers: Readonly<Record<string, string>>,
  bodyText: string,
): ZendeskApiError {
  const code: ApiErrorCode =
    status === 429
      ? 'rate_limited'
      : status >= 500
        ? 'server'
        : status === 401
          ? 'unauthorized'
          : status === 403
            ? 'forbidden'
            : status === 404
              ? 'not_found'
              : 'bad_request'
  const retryAfterMs =
    secondsHeaderMs(headers['retry-after']) ??
    (status === 429 ? secondsHeaderMs(headers['ratelimit-reset']) : undefined)
  return new ZendeskApiError({
    code,
    endpoint,
    status,
    detail: zendeskDetail(bodyText),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  })
}

/** Zendesk's `{error, description}` body, shortened; plain text bodies are cut to 120 characters. */
function zendeskDetail(bodyText: string): string {
  try {
    const body = JSON.parse(bodyText) as unknown
    if (typeof body === 'object' && body !== null) {
      const { error, description } = body as { error?: unknown; description?: unknown }
      const e = typeof error === 'string' ? error : ''
      const d = typeof description === 'string' ? description : ''
      return [e, d]
        .filter((x) => x !== '')
        .join(': ')
        .slice(0, 200)
    }
  } catch {
    // not JSON: fall through
  }
  return bodyText.replace(/\s+/g, ' ').trim().slice(0, 120)
}

/** The error for a 2xx body that is not JSON. */
export function invalidJsonError(endpoint: string, bodyText: string): ZendeskApiError {
  return new ZendeskApiError({
    code: 'invalid_json',
    endpoint,
    status: 200,
    detail: `${bodyText.length} characters, starting '${bodyText.slice(0, 30).replace(/\s+/g, ' ')}'`,
  })
}

/** `tickets[3].via.channel` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(root)' : out
}

/** The error for a JSON body that does not match the endpoint's schema: names the first bad field. */
export function payloadError(endpoint: string, error: core.$ZodError): ZendeskApiError {
  const issue = error.issues[0]
  return new ZendeskApiError({
    code: 'invalid_payload',
    endpoint,
    status: 200,
    field: issue ? fieldPath(issue.path) : '(root)',
    detail: issue?.message ?? 'invalid',
  })
}

export function networkError(endpoint: string, detail: string): ZendeskApiError {
  return new ZendeskApiError({ code: 'network', endpoint, detail })
}

export function timeoutError(endpoint: string, timeoutMs: number): ZendeskApiError {
  return new ZendeskApiError({ code: 'timeout', endpoint, detail: `after ${timeoutMs} ms` })
}

export function cancelledError(endpoint: string): ZendeskApiError {
  return new ZendeskApiError({ code: 'cancelled', endpoint })
}

export function isZendeskApiError(err: unknown): err is ZendeskApiError {
  return err instanceof ZendeskApiError
}
