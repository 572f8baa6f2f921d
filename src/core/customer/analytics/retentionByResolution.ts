// Retention by resolution-time bucket, and the knee where the effect of speed changes.

import { DAY_MS } from '../_lib/parse'
import { wilson95 } from '../_lib/wilson'
import type { Channel } from '../types'
import type { CustomerSpan } from './customerSpans'

export interface ResolutionBucket {
  /** Lower bound (inclusive) of the customer's median full resolution, hours. */
  fromHours: number
  /** Upper bound (exclusive); null for the last, open bucket. */
  toHours: number | null
  customers: number
  retained: number
  rate: number | null
  ci: [number, number] | null
}

export interface RetentionKnee {
  /** Breakpoint of the two-segment fit, hours of median resolution. */
  hours: number
  /** Fitted change of retention (percentage points) per extra hour below and above the knee. */
  slopeBelow: number
  slopeAbove: number
  /**
   * Which side is flat (its slope under a quarter of the other's): `above` = past the knee,
   * slower service costs no more retention, so speed pays only once resolution gets under the
   * knee; `below` = faster than the knee pays nothing more. null when neither is flat.
   */
  flatSide: 'below' | 'above' | null
  customers: number
}

export interface RetentionByResolution {
  buckets: ResolutionBucket[]
  /**
   * The point where faster resolution stops paying off: the lower bound (hours) of the first band,
   * slower than the best band, whose retention is significantly below the best band's (its 95 %
   * interval lies under the best rate). Resolving faster than this shows no measurable gain.
   * null when no band is significantly worse, or bands are too small.
   */
  fasterStopsPayingOffAt: number | null
  knee: RetentionKnee | null
}

export interface RetentionByResolutionOptions {
  /** Bucket bounds in hours. Default 4, 8, 16, 24, 36, 48, 72, 96, 168. */
  bucketHours?: readonly number[]
  /** Customers first seen less than this before `now` are not judged. Default 60 days. */
  minObservationDays?: number
  /** Resolution times are capped here for the fit (limits the pull of extreme values). Default 240 h. */
  capHours?: number
  /** Fewest customers each side of a candidate knee. Default 30. */
  minCustomersPerSide?: number
  /** Bands with fewer customers are ignored for the payoff point. Default 30. */
  minCustomersPerBucket?: number
  /**
   * Compare like with like: only customers whose first contact was on one of these channels
   * (channel mix confounds resolution time, e.g. live chat is both faster and more loyal).
   */
  firstChannels?: readonly Channel[]
  /** Only customers with at least this many solved tickets (steadier medians). Default 1. */
  minSolvedTickets?: number
}

const DEFAULT_BUCKETS = [4, 8, 16, 24, 36, 48, 72, 96, 168]

/**
 * Part C of docs/kpi-definitions.md: customers banded by the median full resolution time of their
 * solved tickets, with retention (still active at `now`, see `customerSpans`) and a 95 % Wilson
 * interval per band. The knee is the breakpoint of a continuous two-segment linear fit of
 * retained (0/1) on median resolution hours (least squares over candidate breakpoints every 2 h
 * from 2 h to the cap) — where the effect of speed changes; noise in per-customer medians pushes
 * it later than the true change point (regression dilution). Correlation, not causation; null
 * knee with too few customers.
 *
 * @example
 * retentionByResolution(spans, now).knee //=> { hours: 48, slopeBelow: -0.8, slopeAbove: -0.05, flatSide: 'above', customers: 4210 }
 */
export function retentionByResolution(
  spans: readonly CustomerSpan[],
  now: number,
  options: RetentionByResolutionOptions = {},
): RetentionByResolution {
  const bounds = [...(options.bucketHours ?? DEFAULT_BUCKETS)]
    .filter((b) => Number.isFinite(b) && b > 0)
    .sort((a, b) => a - b)
  const horizon = now - (options.minObservationDays ?? 60) * DAY_MS
  const xs: number[] = []
  const ys: number[] = []
  const edges = [0, ...bounds]
  const buckets: ResolutionBucket[] = edges.map((from, i) => ({
    fromHours: from,
    toHours: bounds[i] ?? null,
    customers: 0,
    retained: 0,
    rate: null,
    ci: null,
  }))
  const channels = options.firstChannels === undefined ? null : new Set(options.firstChannels)
  const minSolved = options.minSolvedTickets ?? 1
  for (const s of spans) {
    if (s.medianResolutionMinutes === null || (s.firstContactAt ?? s.firstSeen) > horizon) continue
    if (s.solvedTickets < minSolved) continue
    if (channels !== null && (s.firstChannel === null || !channels.has(s.firstChannel))) continue
    const hours = s.medianResolutionMinutes / 60
    const retained = s.churnedAt === null ? 1 : 0
    xs.push(hours)
    ys.push(retained)
    let i = 0
    while (i < bounds.length && hours >= (bounds[i] as number)) i++
    const b = buckets[i] as ResolutionBucket
    b.customers++
    b.retained += retained
  }
  for (const b of buckets) {
    b.rate = b.customers > 0 ? b.retained / b.customers : null
    b.ci = wilson95(b.retained, b.customers)
  }
  return {
    buckets,
    fasterStopsPayingOffAt: payoffPoint(buckets, options.minCustomersPerBucket ?? 30),
    knee: fitKnee(xs, ys, options.capHours ?? 240, options.minCustomersPerSide ?? 30),
  }
}

/**
 * Lower bound of the first band after the best one whose 95 % interval lies below the best rate.
 *
 * @example
 * // bands 0–4 h 0.80, 4–8 h 0.79, 8–16 h 0.80, 16–24 h 0.74 (CI 0.71–0.77) → 16
 */
export function payoffPoint(
  buckets: readonly ResolutionBucket[],
  minCustomers: number,
): number | null {
  let best = -1
  buckets.forEach((b, i) => {
    if (
      b.customers >= minCustomers &&
      b.rate !== null &&
      (best < 0 || b.rate > (buckets[best]?.rate ?? 0))
    )
      best = i
  })
  if (best < 0) return null
  const bestRate = buckets[best]?.rate ?? 0
  for (let j = best + 1; j < buckets.length; j++) {
    const b = buckets[j] as ResolutionBucket
    if (b.customers >= minCustomers && b.ci !== null && b.ci[1] < bestRate) return b.fromHours
  }
  return null
}

/**
 * Least-squares continuous hinge fit y = a + b1·min(x, k) + b2·max(x − k, 0) over breakpoints k
 * every 2 h below `cap` (x is capped there), with at least `minPerSide` points each side.
 *
 * @example
 * // y falls 1 point per hour to 60 h, then stays flat
 * fitKnee(xs, ys, 240, 10) //=> { hours: 60, slopeBelow: -1, slopeAbove: 0, flatSide: 'above', ... }
 */
export function fitKnee(
  xsRaw: readonly number[],
  ys: readonly number[],
  cap: number,
  minPerSide: number,
): RetentionKnee | null {
  const xs = xsRaw.map((x) => Math.min(Math.max(x, 0), cap))
  let best: { sse: number; k: number; b1: number; b2: number } | null = null
  for (let k = 2; k < cap; k += 2) {
    let below = 0
    for (const x of xs) if (x < k) below++
    if (below < minPerSide || xs.length - below < minPerSide) continue
    const fit = leastSquares(xs, ys, k)
    if (fit !== null && (best === null || fit.sse < best.sse - 1e-12)) best = { ...fit, k }
  }
  if (best === null) return null
  const a1 = Math.abs(best.b1)
  const a2 = Math.abs(best.b2)
  const flatSide = a2 < a1 / 4 ? 'above' : a1 < a2 / 4 ? 'below' : null
  return {
    hours: best.k,
    slopeBelow: Math.round(best.b1 * 100 * 1000) / 1000,
    slopeAbove: Math.round(best.b2 * 100 * 1000) / 1000,
    flatSide,
    customers: xs.length,
  }
}

function leastSquares(
  xs: readonly number[],
  ys: readonly number[],
  k: number,
): { sse: number; b1: number; b2: number } | null {
  // normal equations of the design [1, u, v] with u = min(x, k), v = max(x − k, 0)
  let n = 0,
    su = 0,
    sv = 0,
    suu = 0,
    suv = 0,
    svv = 0,
    sy = 0,
    suy = 0,
    svy = 0,
    syy = 0
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number
    const y = ys[i] as number
    const u = Math.min(x, k)
    const v = Math.max(x - k, 0)
    n++
    su += u
    sv += v
    suu += u * u
    suv += u * v
    svv += v * v
    sy += y
    suy += u * y
    svy += v * y
    syy += y * y
  }
  const m = [
    [n, su, sv],
    [su, suu, suv],
    [sv, suv, svv],
  ]
  const beta = solve3(m, [sy, suy, svy])
  if (beta === null) return null
  const [a, b1, b2] = beta
  return { sse: syy - (a * sy + b1 * suy + b2 * svy), b1, b2 }
}

/** Solves a 3×3 linear system by Cramer's rule; null when (nearly) singular. */
function solve3(m: number[][], r: number[]): [number, number, number] | null {
  const det = (a: number[][]): number => {
    const [p, q, s] = a as [number[], number[], number[]]
    return (
      (p[0] as number) *
        ((q[1] as number) * (s[2] as number) - (q[2] as number) * (s[1] as number)) -
      (p[1] as number) *
        ((q[0] as number) * (s[2] as number) - (q[2] as number) * (s[0] as number)) +
      (p[2] as number) * ((q[0] as number) * (s[1] as number) - (q[1] as number) * (s[0] as number))
    )
  }
  const d = det(m)
  if (!Number.isFinite(d) || Math.abs(d) < 1e-9) return null
  const col = (c: number): number[][] =>
    m.map((row, i) => row.map((v, j) => (j === c ? (r[i] as number) : v)))
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d]
}
