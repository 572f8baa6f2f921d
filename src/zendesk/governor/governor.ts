// The rate governor: every request to Zendesk goes through `execute`, which
// - keeps our requests within a share of the account limit (X-Rate-Limit × API budget share,
//   counted over any sliding 60 s window) and spaces incremental exports to 10/min and search
//   exports to 100/min (Zendesk's endpoint limits);
// - on 429 waits Retry-After (or ratelimit-reset) before ANY further request, and pauses when a
//   response reports X-Rate-Limit-Remaining 0 until ratelimit-reset;
// - retries 5xx, timeouts, network errors and unparsable 2xx bodies with capped exponential backoff
//   and jitter, at most `maxTries` tries in all;
// - sends identical GETs that are in flight together once;
// - stops everything on `destroy()` (wired to ZAF's `app.willDestroy`).

import {
  ZendeskApiError,
  cancelledError,
  endpointOf,
  errorFromStatus,
  invalidJsonError,
  secondsHeaderMs,
} from '../errors'
import type { Transport, TransportRequest } from '../transport/types'
import type { Timer } from './timer'
import { systemTimer } from './timer'

// TYPES

export const LIMIT_CLASSES = ['incremental', 'search_export'] as const
export type LimitClass = (typeof LIMIT_CLASSES)[number]

export type GovernorOptions = {
  timer?: Timer
  /** Percent of the account limit this app may use (the "API budget share" setting), default 10. */
  apiBudgetShare?: number
  /** Account limit assumed until a response carries X-Rate-Limit (default 200, the lowest plan). */
  assumedAccountLimit?: number
  /** Requests per minute of Zendesk's endpoint limits (default incremental 10, search export 100). */
  endpointLimits?: Partial<Record<LimitClass, number>>
  /** Tries in all for 5xx, timeouts, network errors and unparsable bodies (default 5). */
  maxTries?: number
  /** First backoff step and its cap, ms (default 1,000 and 30,000). */
  backoffBaseMs?: number
  backoffCapMs?: number
  /** Longest total wait on 429s for one request before giving up, ms (default 15 min). */
  maxRateLimitWaitMs?: number
  /** Requests on the wire at once (default 4). */
  maxConcurrent?: number
  /**
   * Requests that may go out back to back (default a sixth of the budget, at least 2); beyond it,
   * sends are paced at budget / 60 s, so a burst cannot take a whole minute's budget at once and
   * leave a waiting export nothing until the window turns.
   */
  burst?: number
  /** [0, 1) source for jitter (default Math.random). */
  random?: () => number
  /** Observer for tests, telemetry and the benchmark. */
  onEvent?: (event: GovernorEvent) => void
  /**
   * A budget shared with the app's other instances in this browser (see src/zendesk/budget): each
   * send waits for it after this governor's own policy allows it.
   */
  sendGate?: SendGate
}

/** Asked before every send; resolves when the send may go out, rejects `cancelled` on abort. */
export type SendGate = {
  acquire(
    request: { endpoint: string; limitClass: LimitClass | null; budgetPerMinute: number },
    signal: AbortSignal,
  ): Promise<void>
}

export type GovernorEvent =
  | { type: 'send'; at: number; endpoint: string; limitClass: LimitClass | null }
  | {
      type: 'response'
      at: number
      endpoint: string
      status: number
      /** When the request went out, on the same timer as `at`. */
      sentAt: number
      /** The answer's Date header (Zendesk's clock, whole seconds), when it has one. */
      date?: string
    }
  | { type: 'retry'; at: number; endpoint: string; code: string; attempt: number; delayMs: number }
  | { type: 'pause'; at: number; until: number; reason: 'retry-after' | 'remaining-zero' }
  | { type: 'shared'; at: number; endpoint: string }

export type GovernedResponse = {
  status: number
  headers: Record<string, string>
  /** The parsed JSON body (null for an empty body). */
  json: unknown
}

export type GovernorStats = {
  sent: number
  retries: number
  rateLimited: number
  shared: number
  accountLimit: number
  budgetPerMinute: number
}

export type Governor = {
  /** Sends through the transport under the policy; resolves with a 2xx JSON answer or throws a ZendeskApiError. */
  execute(request: Omit<TransportRequest, 'signal'>): Promise<GovernedResponse>
  /** Requests allowed per 60 s at the current account limit. */
  budgetPerMinute(): number
  stats(): GovernorStats
  /** Stops everything: waits and requests in flight reject with `cancelled`, new ones too. */
  destroy(): void
  readonly destroyed: boolean
  readonly signal: AbortSignal
  readonly timer: Timer
}

const WINDOW_MS = 60_000

/** Which endpoint limit a path falls under, if any. */
export function limitClassOf(path: string): LimitClass | null {
  const p = path.split('?')[0] ?? ''
  if (p.startsWith('/api/v2/incremental/')) return 'incremental'
  if (/^\/api\/v2\/search\/export(\.json)?$/.test(p)) return 'search_export'
  return null
}

/**
 * Delay before retry number `attempt` (1-based): half of min(cap, base × 2^(attempt−1)) plus a
 * random part of the other half ("equal jitter").
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

// GOVERNOR

export function createGovernor(transport: Transport, options: GovernorOptions = {}): Governor {
  const timer = options.timer ?? systemTimer
  const share = Math.min(100, Math.max(0.1, options.apiBudgetShare ?? 10)) / 100
  const endpointLimits: Record<LimitClass, number> = {
    incremental: options.endpointLimits?.incremental ?? 10,
    search_export: options.endpointLimits?.search_export ?? 100,
  }
  const maxTries = Math.max(1, options.maxTries ?? 5)
  const baseMs = options.backoffBaseMs ?? 1_000
  const capMs = options.backoffCapMs ?? 30_000
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 15 * 60_000
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 4)
  const random = options.random ?? Math.random
  const emit = options.onEvent ?? (() => undefined)
  const controller = new AbortController()

  let accountLimit = options.assumedAccountLimit ?? 200
  /** Send instants within the last window (ascending). */
  const sends: number[] = []
  const lastSend: Record<LimitClass, number> = { incremental: -Infinity, search_export: -Infinity }
  let pauseUntil = -Infinity
  let inFlight = 0
  const slotWaiters: (() => void)[] = []
  const sharedGets = new Map<string, Promise<GovernedResponse>>()
  const stats = { sent: 0, retries: 0, rateLimited: 0, shared: 0 }

  const budget = (): number => Math.max(1, Math.floor(accountLimit * share))
  const burst = (): number => Math.max(1, options.burst ?? Math.max(2, Math.ceil(budget() / 6)))
  /** Token bucket for pacing: refills at budget per minute up to `burst`. */
  let tokens = burst()
  let refilledAt = timer.now()
  function refill(now: number): void {
    tokens = Math.min(burst(), tokens + ((now - refilledAt) * budget()) / WINDOW_MS)
    refilledAt = now
  }

  const sleep = (ms: number): Promise<void> => timer.sleep(ms, controller.signal)

  async function takeSlot(endpoint: string): Promise<void> {
    while (inFlight >= maxConcurrent) {
      if (controller.signal.aborted) throw cancelledError(endpoint)
      await new Promise<void>((resolve) => slotWaiters.push(resolve))
    }
    if (controller.signal.aborted) throw cancelledError(endpoint)
    inFlight++
  }

  function releaseSlot(): void {
    inFlight--
    slotWaiters.shift()?.()
  }

  /** Ids of requests that wait only for a budget slot, in arrival order (first come, first served). */
  const budgetQueue: number[] = []
  let nextId = 0

  function leaveQueue(id: number): void {
    const i = budgetQueue.indexOf(id)
    if (i >= 0) budgetQueue.splice(i, 1)
  }

  /**
   * Waits until the policy allows one more send of `cls`, then records it (synchronously). Pauses
   * and endpoint spacing come first; among requests then waiting only for the budget, slots go in
   * arrival order, so a steady stream of sidebar opens cannot starve the sync.
   */
  async function acquire(endpoint: string, cls: LimitClass | null): Promise<void> {
    const id = nextId++
    try {
      for (;;) {
        if (controller.signal.aborted) throw cancelledError(endpoint)
        const now = timer.now()
        while (sends.length > 0 && (sends[0] as number) <= now - WINDOW_MS) sends.shift()
        let wait = pauseUntil - now
        if (cls !== null) {
          // spacing, not bursts: any 60 s window, however the server aligns it, holds ≤ limit sends
          wait = Math.max(wait, lastSend[cls] + WINDOW_MS / endpointLimits[cls] - now)
        }
        if (wait > 0) {
          leaveQueue(id)
          await sleep(wait)
          continue
        }
        if (!budgetQueue.includes(id)) budgetQueue.push(id)
        const position = budgetQueue.indexOf(id)
        refill(now)
        const windowFree = budget() - sends.length
        if (position < Math.min(windowFree, Math.floor(tokens))) {
          leaveQueue(id)
          tokens -= 1
          sends.push(now)
          if (cls !== null) lastSend[cls] = now
          stats.sent++
          emit({ type: 'send', at: now, endpoint, limitClass: cls })
          return
        }
        // the slot this request is in line for: when that send leaves the window, and when the
        // bucket holds a token for everyone ahead
        const windowWait =
          position >= windowFree
            ? (sends[Math.max(0, position - windowFree)] as number) + WINDOW_MS - now
            : 0
        const bucketWait = ((position + 1 - tokens) * WINDOW_MS) / budget()
        await sleep(Math.max(1, Math.ceil(windowWait), Math.ceil(bucketWait)))
      }
    } finally {
      leaveQueue(id)
    }
  }

  function observe(headers: Record<string, string>): void {
    const limit = Number(headers['x-rate-limit'] ?? headers['ratelimit-limit'])
    if (Number.isInteger(limit) && limit > 0) accountLimit = limit
    const remaining = headers['x-rate-limit-remaining'] ?? headers['ratelimit-remaining']
    if (remaining !== undefined && Number(remaining) === 0) {
      const resetMs = secondsHeaderMs(headers['ratelimit-reset']) ?? WINDOW_MS
      const until = timer.now() + resetMs
      if (until > pauseUntil) {
        pauseUntil = until
        emit({ type: 'pause', at: timer.now(), until, reason: 'remaining-zero' })
      }
    }
  }

  function parse(endpoint: string, text: string): unknown {
    if (text.trim() === '') return null
    try {
      return JSON.parse(text) as unknown
    } catch {
      throw invalidJsonError(endpoint, text)
    }
  }

  /** Counts a retry and tells the listener when it goes out again. */
  function retrying(endpoint: string, code: string, attempt: number, delayMs: number): void {
    stats.retries++
    emit({ type: 'retry', at: timer.now(), endpoint, code, attempt, delayMs })
  }

  async function run(request: Omit<TransportRequest, 'signal'>): Promise<GovernedResponse> {
    const endpoint = endpointOf(request.method, request.path)
    const cls = limitClassOf(request.path)
    let failures = 0
    let rateLimitWaited = 0
    for (;;) {
      await takeSlot(endpoint)
      let error: ZendeskApiError
      try {
        await acquire(endpoint, cls)
        if (options.sendGate !== undefined) {
          await options.sendGate.acquire(
            { endpoint, limitClass: cls, budgetPerMinute: budget() },
            controller.signal,
          )
        }
        const sentAt = timer.now()
        const res = await transport.send({ ...request, signal: controller.signal })
        if (controller.signal.aborted) throw cancelledError(endpoint)
        const date = res.headers.date
        emit({
          type: 'response',
          at: timer.now(),
          endpoint,
          status: res.status,
          sentAt,
          ...(date === undefined ? {} : { date }),
        })
        observe(res.headers)
        if (res.status >= 200 && res.status < 300) {
          return { status: res.status, headers: res.headers, json: parse(endpoint, res.text) }
        }
        throw errorFromStatus(endpoint, res.status, res.headers, res.text)
      } catch (err) {
        if (!(err instanceof ZendeskApiError)) throw err
        error = err
      } finally {
        releaseSlot()
      }
      if (error.code === 'cancelled' || controller.signal.aborted) throw cancelledError(endpoint)
      if (!error.retryable) throw error
      if (error.code === 'rate_limited') {
        stats.rateLimited++
        const wait = error.retryAfterMs ?? backoffDelay(1, baseMs, capMs, random)
        rateLimitWaited += wait
        if (rateLimitWaited > maxRateLimitWaitMs) throw error
        // nothing goes out before Retry-After has passed, from any caller
        const until = timer.now() + wait
        if (until > pauseUntil) {
          pauseUntil = until
          emit({ type: 'pause', at: timer.now(), until, reason: 'retry-after' })
        }
        retrying(endpoint, error.code, failures, wait)
        continue
      }
      failures++
      if (failures >= maxTries) throw error
      const delay = Math.max(backoffDelay(failures, baseMs, capMs, random), error.retryAfterMs ?? 0)
      retrying(endpoint, error.code, failures, delay)
      await sleep(delay)
    }
  }

  return {
    execute(request) {
      if (controller.signal.aborted)
        return Promise.reject(cancelledError(endpointOf(request.method, request.path)))
      if (request.method !== 'GET') return run(request)
      const key = request.path
      const pending = sharedGets.get(key)
      if (pending !== undefined) {
        stats.shared++
        emit({ type: 'shared', at: timer.now(), endpoint: endpointOf('GET', key) })
        return pending
      }
      const promise = run(request).finally(() => sharedGets.delete(key))
      sharedGets.set(key, promise)
      return promise
    },
    budgetPerMinute: budget,
    stats: () => ({ ...stats, accountLimit, budgetPerMinute: budget() }),
    destroy() {
      if (controller.signal.aborted) return
      controller.abort()
      for (const wake of slotWaiters.splice(0)) wake()
    },
    get destroyed() {
      return controller.signal.aborted
    },
    signal: controller.signal,
    timer,
  }
}
