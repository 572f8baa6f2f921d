// The simulated Zendesk API as a fetch-style function, `(Request) => Promise<Response>`: authenticates,
// applies rate limits and injected faults, routes to routes.ts, logs the request and answers with
// Zendesk's headers and error bodies. It does not import msw, so tests call it directly with no request
// interception (tests/README.md); handlers.ts wraps it in msw handlers and server.ts serves it over HTTP.

import type { SimAccount, UserRole } from '../account'
import { iso } from '../time'
import { ApiError, forbidden, invalidEndpoint, notFound, unauthorized } from './errors'
import { type FaultInjector, type FaultRule, createFaultInjector } from './faults'
import { type RequestLog, createRequestLog } from './log'
import { type RateLimiter, createRateLimiter } from './ratelimit'
import { BODY_METHODS, ROUTES, type RouteContext, roleAllows } from './routes'

export type Session = UserRole | number

export type SimApiOptions = {
  /**
   * Who is calling when a request has no Authorization header: a role (the admin, the first agent, or the
   * requester of ticket 1) or a user id. Default `admin`. Ignored when `requireAuth` is true.
   */
  session?: Session
  /** Refuse requests without valid `email/token:TOKEN` basic auth (the HTTP server does this). */
  requireAuth?: boolean
  /** Enforce rate limits (default true). */
  rateLimits?: boolean
  /**
   * The time rate-limit windows are counted on, ms (default: the account clock). Zendesk counts them
   * on real time; a server for real clients passes the wall clock, because a manual account clock
   * that never moves would never reset a window and every request after the first minute's would
   * get 429 forever.
   */
  rateClock?: () => number
  /** Fault rules or a fault spec string (see faults.ts). */
  faults?: FaultRule[] | string
  /** Seed for fault decisions (default: the account seed). */
  faultSeed?: number
  /** Shared request log (default: a new one). */
  log?: RequestLog
}

export type SimCore = {
  /** Answers one request (any origin; paths under `/api/v2/`, others get Zendesk's 404). */
  fetch: (request: Request) => Promise<Response>
  log: RequestLog
  faults: FaultInjector
  limiter: RateLimiter
  /** Changes the default session (e.g. to test the agent fallback). */
  setSession: (session: Session) => void
  /** User id the session resolves to. */
  sessionUserId: () => number
}

function resolveSession(account: SimAccount, session: Session): number {
  if (typeof session === 'number') {
    if (!account.userRole(session)) throw new Error(`session: unknown user id ${session}`)
    return session
  }
  if (session === 'admin') return account.adminId
  if (session === 'agent') return 10_000_100
  const first = account.ticket(1)
  return first ? Number(account.ticketJson(first).requester_id) : 11_000_000
}

function authenticate(account: SimAccount, header: string | null): number | undefined {
  if (header === null) return undefined
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim())
  if (!m) return -1
  const decoded = Buffer.from(m[1] ?? '', 'base64').toString('utf8')
  const sep = decoded.indexOf(':')
  const login = sep >= 0 ? decoded.slice(0, sep) : ''
  const secret = sep >= 0 ? decoded.slice(sep + 1) : ''
  if (!login.endsWith('/token') || secret !== account.apiToken) return -1
  // Deleted users have no email any more; suspended ones cannot sign in.
  const id = account.userIdByEmail(login.slice(0, -'/token'.length))
  return id === undefined || account.people.isSuspended(id) ? -1 : id
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' }

function json(body: unknown, init: { status: number; headers?: Record<string, string> }): Response {
  return new Response(JSON.stringify(body), {
    status: init.status,
    headers: { ...init.headers, 'Content-Type': 'application/json; charset=utf-8' },
  })
}

function text(body: string, init: { status: number; headers?: Record<string, string> }): Response {
  return new Response(body, init)
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Creates the simulated API for an account. */
export function createSimCore(account: SimAccount, options: SimApiOptions = {}): SimCore {
  const log = options.log ?? createRequestLog()
  const faults = createFaultInjector(options.faultSeed ?? account.seed, options.faults ?? [])
  const limiter = createRateLimiter(account.plan, options.rateLimits ?? true)
  let sessionUser = resolveSession(account, options.session ?? 'admin')

  const handle = async (request: Request): Promise<Response> => {
    const started = performance.now()
    const url = new URL(request.url)
    const method = request.method.toUpperCase()
    const now = account.clock.now()
    let userId: number | null = null
    let faultName: string | undefined
    const finish = (response: Response): Response => {
      // Like Zendesk, every answer carries the server's time: here the account clock's.
      response.headers.set('Date', new Date(now).toUTCString())
      log.add({
        method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
        status: response.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        at: iso(now),
        userId,
        ...(faultName !== undefined ? { fault: faultName } : {}),
      })
      return response
    }

    // Authentication.
    const authed = authenticate(account, request.headers.get('authorization'))
    if (authed === -1 || (authed === undefined && options.requireAuth === true)) {
      const e = unauthorized()
      return finish(json(e.body, { status: e.status }))
    }
    userId = authed ?? sessionUser
    const role = account.userRole(userId) ?? 'end-user'

    // Routing.
    const route = ROUTES.find((r) => r.pattern.test(url.pathname) && r.method === method)
    const pathKnown = ROUTES.some((r) => r.pattern.test(url.pathname))

    // Rate limits (counted for every authenticated request, like Zendesk).
    const decision = limiter.check(options.rateClock?.() ?? now, route?.limit)
    const headers = { ...decision.headers }
    if (!decision.allowed) {
      const message =
        decision.limitedBy === 'account'
          ? 'Number of allowed API requests per minute exceeded'
          : decision.limitedBy === 'incremental'
            ? 'Number of allowed incremental export API requests per minute exceeded'
            : 'Number of allowed search export API requests per minute exceeded'
      return finish(
        text(message, {
          status: 429,
          headers: { ...headers, ...TEXT, 'Retry-After': String(decision.retryAfter) },
        }),
      )
    }

    // Injected faults.
    const fault = faults.decide(url.pathname)
    let vanish = false
    if (fault) {
      faultName = fault.kind
      switch (fault.kind) {
        case '429':
          return finish(
            text('Number of allowed API requests per minute exceeded', {
              status: 429,
              headers: { ...headers, ...TEXT, 'Retry-After': String(fault.retryAfter) },
            }),
          )
        case '500':
          return finish(
            json(
              { error: 'InternalServerError', description: 'Something went wrong on our end' },
              { status: 500, headers },
            ),
          )
        case '503':
          return finish(
            text('Service Unavailable', {
              status: 503,
              headers: { ...headers, ...TEXT, 'Retry-After': '10' },
            }),
          )
        case 'timeout':
          await delay(fault.ms)
          return finish(text('Gateway Timeout', { status: 504, headers: { ...headers, ...TEXT } }))
        case 'slow':
          await delay(fault.ms)
          break
        case 'vanish':
          vanish = true
          break
        default:
          break
      }
    }

    try {
      if (!route) throw new ApiError(pathKnown ? notFound() : invalidEndpoint())
      if (!roleAllows(role, route.allowed)) throw new ApiError(forbidden())
      const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map(String)
      if (route.selfOnly && role === 'end-user' && Number(params[0]) !== userId)
        throw new ApiError(forbidden())
      let body: unknown = null
      if ((BODY_METHODS as readonly string[]).includes(method)) {
        try {
          body = await request.json()
        } catch {
          throw new ApiError({
            status: 400,
            body: { error: 'InvalidJSON', description: 'The request body is not valid JSON' },
          })
        }
      }
      const ctx: RouteContext = {
        account,
        url,
        base: url.origin,
        params,
        userId,
        role,
        body,
        beforeTicketRead: (id) => {
          if (vanish) {
            account.deleteTicket(id)
            vanish = false
          }
        },
      }
      const result = route.handle(ctx)
      if (fault?.kind === 'truncated') {
        const serialized = JSON.stringify(result)
        return finish(
          text(serialized.slice(0, Math.floor(serialized.length / 2)), {
            status: 200,
            headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
          }),
        )
      }
      if (fault?.kind === 'malformed') {
        return finish(
          text('<html><body><h1>502 Bad Gateway</h1></body></html>{"tickets":[', {
            status: 200,
            headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
          }),
        )
      }
      const status = route.status ?? 200
      if (status === 204) return finish(new Response(null, { status, headers }))
      return finish(json(result, { status, headers: { ...headers, ...route.headers?.(result) } }))
    } catch (err) {
      if (err instanceof ApiError) {
        return finish(
          json(err.response.body, {
            status: err.response.status,
            headers,
          }),
        )
      }
      throw err
    }
  }

  return {
    fetch: handle,
    log,
    faults,
    limiter,
    setSession(session) {
      sessionUser = resolveSession(account, session)
    },
    sessionUserId: () => sessionUser,
  }
}
