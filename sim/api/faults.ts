// Seeded fault injection for reliability tests. A spec is a comma-separated list of
// `kind:rate[:param][@/path/prefix]`, e.g. `429:0.05,storm:0.01:30,500:0.02,slow:0.1:2000@/api/v2/search`.
//   429        a single 429 (Retry-After 1–5 s)
//   storm      starts a 429 storm: the next `param` requests (default 20) all get 429
//   500, 503   server errors with Zendesk-like bodies
//   timeout    the response is held for `param` ms (default 30,000) and then answered 504
//   truncated  200 with the JSON body cut in half
//   malformed  200 with a body that is not JSON
//   slow       the response is delayed by `param` ms (default 2,000)
//   vanish     a ticket read by id (show, show_many, metrics) is deleted just before the read
// Decisions come from a stream seeded by the account seed, so the same request sequence meets the same faults.
import { type Rng, streamFor } from '../random'

export const FAULT_KINDS = [
  '429',
  'storm',
  '500',
  '503',
  'timeout',
  'truncated',
  'malformed',
  'slow',
  'vanish',
] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

export type FaultRule = { kind: FaultKind; rate: number; param?: number; pathPrefix?: string }

export type Fault =
  | { kind: '429'; retryAfter: number }
  | { kind: '500' | '503' | 'truncated' | 'malformed' | 'vanish' }
  | { kind: 'timeout' | 'slow'; ms: number }

/** Parses a fault spec; throws with a clear message on bad input. */
export function parseFaultSpec(spec: string): FaultRule[] {
  const rules: FaultRule[] = []
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [body = '', pathPrefix] = part.split('@')
    const [kind, rateRaw, paramRaw, ...extra] = body.split(':')
    if (!FAULT_KINDS.includes(kind as FaultKind)) {
      throw new Error(
        `fault spec: unknown kind '${kind}' in '${part}' (known: ${FAULT_KINDS.join(', ')})`,
      )
    }
    if (extra.length > 0) throw new Error(`fault spec: too many fields in '${part}'`)
    const rate = rateRaw === undefined ? NaN : Number(rateRaw)
    if (!(rate >= 0 && rate <= 1))
      throw new Error(`fault spec: rate in '${part}' must be a number from 0 to 1`)
    const rule: FaultRule = { kind: kind as FaultKind, rate }
    if (paramRaw !== undefined) {
      const param = Number(paramRaw)
      if (!Number.isInteger(param) || param < 0) {
        throw new Error(`fault spec: parameter in '${part}' must be a non-negative integer`)
      }
      rule.param = param
    }
    if (pathPrefix !== undefined) {
      if (!pathPrefix.startsWith('/'))
        throw new Error(`fault spec: path in '${part}' must start with /`)
      rule.pathPrefix = pathPrefix
    }
    rules.push(rule)
  }
  return rules
}

export type FaultInjector = {
  rules: FaultRule[]
  /** Picks the fault (if any) for a request to `path`. */
  decide: (path: string) => Fault | undefined
  /** Forces the next `n` requests into a 429 storm. */
  startStorm: (n: number) => void
  setRules: (rules: FaultRule[] | string) => void
}

export function createFaultInjector(seed: number, rules: FaultRule[] | string = []): FaultInjector {
  const rng: Rng = streamFor(seed, 'faults')
  let stormLeft = 0
  const injector: FaultInjector = {
    rules: typeof rules === 'string' ? parseFaultSpec(rules) : rules,
    setRules(r) {
      injector.rules = typeof r === 'string' ? parseFaultSpec(r) : r
    },
    startStorm(n) {
      stormLeft = n
    },
    decide(path) {
      if (stormLeft > 0) {
        stormLeft--
        return { kind: '429', retryAfter: 1 + Math.floor(rng.next() * 5) }
      }
      for (const rule of injector.rules) {
        if (rule.pathPrefix !== undefined && !path.startsWith(rule.pathPrefix)) continue
        if (rule.rate === 0 || rng.next() >= rule.rate) continue
        switch (rule.kind) {
          case '429':
            return { kind: '429', retryAfter: 1 + Math.floor(rng.next() * 5) }
          case 'storm':
            stormLeft = Math.max(0, (rule.param ?? 20) - 1)
            return { kind: '429', retryAfter: 1 + Math.floor(rng.next() * 5) }
          case 'timeout':
            return { kind: 'timeout', ms: rule.param ?? 30_000 }
          case 'slow':
            return { kind: 'slow', ms: rule.param ?? 2_000 }
          default:
            return { kind: rule.kind }
        }
      }
      return undefined
    },
  }
  return injector
}
