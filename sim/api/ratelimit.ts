// Zendesk rate limits on the account clock: the plan's account limit per minute, plus endpoint limits
// (incremental exports 10/min, search export 100/min) that also count toward the account limit.
import { PLAN_RATE_LIMITS, type Plan } from '../skeleton'

export type LimitKind = 'incremental' | 'search_export'

export const ENDPOINT_LIMITS: Record<LimitKind, number> = { incremental: 10, search_export: 100 }

export type RateDecision = {
  allowed: boolean
  headers: Record<string, string>
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number
  /** Which limit refused the request. */
  limitedBy?: 'account' | LimitKind
}

export type RateLimiter = {
  check: (nowMs: number, kind?: LimitKind) => RateDecision
  /** Forgets all counts (tests). */
  reset: () => void
  enabled: boolean
}

export function createRateLimiter(plan: Plan, enabled = true): RateLimiter {
  const limit = PLAN_RATE_LIMITS[plan]
  let window = -1
  let used = 0
  const endpointUsed: Record<LimitKind, number> = { incremental: 0, search_export: 0 }
  const limiter: RateLimiter = {
    enabled,
    reset() {
      window = -1
      used = 0
      endpointUsed.incremental = 0
      endpointUsed.search_export = 0
    },
    check(nowMs, kind) {
      const w = Math.floor(nowMs / 60_000)
      if (w !== window) {
        window = w
        used = 0
        endpointUsed.incremental = 0
        endpointUsed.search_export = 0
      }
      const reset = Math.max(1, Math.ceil(((w + 1) * 60_000 - nowMs) / 1000))
      const accountOk = !limiter.enabled || used < limit
      const endpointOk =
        !limiter.enabled || kind === undefined || endpointUsed[kind] < ENDPOINT_LIMITS[kind]
      const allowed = accountOk && endpointOk
      if (allowed) {
        used++
        if (kind !== undefined) endpointUsed[kind]++
      }
      const headers: Record<string, string> = {
        'X-Rate-Limit': String(limit),
        'X-Rate-Limit-Remaining': String(Math.max(0, limit - used)),
        'ratelimit-limit': String(limit),
        'ratelimit-remaining': String(Math.max(0, limit - used)),
        'ratelimit-reset': String(reset),
      }
      if (kind === 'incremental') {
        const l = ENDPOINT_LIMITS.incremental
        headers['Zendesk-RateLimit-incremental-exports'] =
          `total=${l}; remaining=${Math.max(0, l - endpointUsed.incremental)}; resets=${reset}`
      }
      if (kind === 'search_export') {
        const l = ENDPOINT_LIMITS.search_export
        headers['Zendesk-RateLimit-search-export'] =
          `total=${l}; remaining=${Math.max(0, l - endpointUsed.search_export)}; resets=${reset}`
      }
      const decision: RateDecision = { allowed, headers, retryAfter: reset }
      if (!allowed) decision.limitedBy = accountOk ? kind : 'account'
      return decision
    },
  }
  return limiter
}
