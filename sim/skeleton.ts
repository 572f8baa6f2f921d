// The account skeleton: organizations, people and the arrival time and requester of every ticket, held in
// typed arrays (a million tickets need about 30 MB). Ticket details are regenerated per ticket from the
// seed (see lifecycle.ts), so the full JSON never has to sit in memory.
import {
  AliasTable,
  chance,
  exponential,
  intBetween,
  logNormal,
  streamFor,
  weighted,
  type Rng,
} from './random'
import { DAY_MS, DEFAULT_END_DATE, HOUR_MS, isHoliday, parseEndDate, weekdayOf } from './time'

// TYPES

export const CHANNELS = [
  'email',
  'web',
  'api',
  'chat',
  'native_messaging',
  'voice',
  'mobile',
  'twitter',
  'facebook',
] as const
export type Channel = (typeof CHANNELS)[number]

export const PLANS = ['team', 'growth', 'professional', 'enterprise', 'enterprise_plus'] as const
/** Zendesk plan of the simulated account: sets the account API rate limit. */
export type Plan = (typeof PLANS)[number]

/** Requests per minute allowed by each plan (docs/zendesk-api.md §5.1). */
export const PLAN_RATE_LIMITS: Record<Plan, number> = {
  team: 200,
  growth: 400,
  professional: 400,
  enterprise: 700,
  enterprise_plus: 2500,
}

export const ORG_PLANS = ['starter', 'growth', 'enterprise'] as const

export type SkeletonOptions = {
  /** Number of tickets, 1 … 1,000,000. */
  tickets: number
  /** Integer seed (default 1). */
  seed?: number
  /** Last day of the account, `YYYY-MM-DD` (default `DEFAULT_END_DATE`). */
  end?: string
}

export type Skeleton = {
  seed: number
  ticketCount: number
  /** The account clock at generation: `end` at 23:59:59 UTC. */
  endMs: number
  /** 548 days (about 18 months) before `endMs`. */
  startMs: number
  endDate: string
  orgCount: number
  orgPlan: Uint8Array
  orgRevenue: Float64Array
  orgCreatedMs: Float64Array
  groupCount: number
  agentCount: number
  agentGroup: Uint16Array
  customerCount: number
  customerOrg: Int32Array
  customerSignupMs: Float64Array
  customerValue: Float64Array
  customerOrders: Uint32Array
  customerLastOrderMs: Float64Array
  customerChannel: Uint8Array
  customerSlowness: Float32Array
  customerChurned: Uint8Array
  customerChurnMs: Float64Array
  customerTicketCount: Uint32Array
  /** Index = ticket id − 1. */
  ticketCreatedMs: Float64Array
  ticketRequester: Uint32Array
  /** 1 when the ticket is its requester's first ticket in the account. */
  ticketFirstContact: Uint8Array
  hourly: HourlyIntensity
}

// IDS

export const ADMIN_ID = 10_000_001
const AGENT_BASE = 10_000_100
const CUSTOMER_BASE = 11_000_000
const ORG_BASE = 20_000_000
const GROUP_BASE = 30_000_000
export const METRIC_SET_BASE = 40_000_000
export const RATING_BASE = 50_000_000
export const SLA_POLICY_IDS = [60_000_001, 60_000_002] as const
export const TICKET_FIELD_TOPIC = 360_000_001
export const TICKET_FIELD_ORDER = 360_000_002
export const BRAND_ID = 360_000_100
export const TICKET_FORM_ID = 360_000_200

export const agentId = (i: number): number => AGENT_BASE + i
export const customerId = (i: number): number => CUSTOMER_BASE + i
export const orgId = (i: number): number => ORG_BASE + i
export const groupId = (i: number): number => GROUP_BASE + i

export type UserRef =
  { kind: 'admin' } | { kind: 'agent'; index: number } | { kind: 'customer'; index: number }

/** Resolves a user id of the skeleton, or undefined. */
export function userRef(skeleton: Skeleton, id: number): UserRef | undefined {
  if (id === ADMIN_ID) return { kind: 'admin' }
  if (id >= AGENT_BASE && id < AGENT_BASE + skeleton.agentCount)
    return { kind: 'agent', index: id - AGENT_BASE }
  if (id >= CUSTOMER_BASE && id < CUSTOMER_BASE + skeleton.customerCount) {
    return { kind: 'customer', index: id - CUSTOMER_BASE }
  }
  return undefined
}

export function orgIndex(skeleton: Skeleton, id: number): number | undefined {
  const i = id - ORG_BASE
  return Number.isInteger(i) && i >= 0 && i < skeleton.orgCount ? i : undefined
}

export function groupIndex(skeleton: Skeleton, id: number): number | undefined {
  const i = id - GROUP_BASE
  return Number.isInteger(i) && i >= 0 && i < skeleton.groupCount ? i : undefined
}

// PLANTED RELATIONSHIPS (documented in docs/simulator.md)

/** Median full resolution of a customer with slowness 1, in hours (calendar). */
export const BASE_RESOLUTION_HOURS = 20
/** Churn probability by the channel of the customer's first contact. */
export const CHANNEL_BASE_CHURN: Record<Channel, number> = {
  voice: 0.08,
  chat: 0.1,
  native_messaging: 0.1,
  email: 0.16,
  mobile: 0.18,
  web: 0.2,
  api: 0.22,
  twitter: 0.28,
  facebook: 0.28,
}
/** Extra churn probability at and past `CHURN_SATURATION_HOURS` of expected resolution time. */
export const CHURN_SLOWNESS_LIFT = 0.4
/** Expected median resolution (hours) beyond which slower service adds no more churn. */
export const CHURN_SATURATION_HOURS = 24

/** Live channels resolve in a quarter of the time of the others. */
export function channelResolutionFactor(channel: Channel): number {
  return channel === 'chat' || channel === 'native_messaging' || channel === 'voice' ? 0.25 : 1
}

/** Expected median full resolution (calendar hours) of a customer's tickets on their preferred channel. */
export function expectedResolutionHours(channel: Channel, slowness: number): number {
  return BASE_RESOLUTION_HOURS * slowness * channelResolutionFactor(channel)
}

/**
 * Churn probability of a customer: channel base + a lift linear in the expected resolution time of their
 * tickets, capped at `CHURN_SATURATION_HOURS` (no further effect past it).
 */
export function churnProbability(channel: Channel, slowness: number): number {
  const hours = expectedResolutionHours(channel, slowness)
  return (
    CHANNEL_BASE_CHURN[channel] + CHURN_SLOWNESS_LIFT * Math.min(1, hours / CHURN_SATURATION_HOURS)
  )
}

/** Relative contact rate of a customer: grows with the square root of lifetime value. */
export function contactRate(lifetimeValue: number): number {
  return Math.sqrt(Math.max(lifetimeValue, 20) / 400)
}

export const CHANNEL_MIX: readonly (readonly [Channel, number])[] = [
  ['email', 0.34],
  ['web', 0.2],
  ['chat', 0.13],
  ['native_messaging', 0.11],
  ['api', 0.07],
  ['voice', 0.07],
  ['mobile', 0.05],
  ['twitter', 0.015],
  ['facebook', 0.015],
]

// ARRIVAL INTENSITY

const WEEKDAY_FACTOR = [1.15, 1.1, 1.05, 1.0, 0.9, 0.45, 0.4] as const
// UTC hour of day: quiet nights, a morning peak around 10:00 and a second one around 14:00.
const HOUR_FACTOR = [
  0.12, 0.1, 0.08, 0.08, 0.1, 0.15, 0.3, 0.55, 0.9, 1.25, 1.45, 1.35, 1.1, 1.2, 1.35, 1.3, 1.1, 0.9,
  0.7, 0.55, 0.45, 0.35, 0.25, 0.18,
] as const

/** Relative ticket arrival intensity of the hour starting at `ms` (trend excluded). */
export function hourIntensity(ms: number): number {
  const hour = new Date(ms).getUTCHours()
  let w = (WEEKDAY_FACTOR[weekdayOf(ms)] ?? 1) * (HOUR_FACTOR[hour] ?? 1)
  if (isHoliday(ms)) w *= 0.3
  return w
}

/** Cumulative arrival intensity per hour of the span, for inverse-CDF sampling of arrival times. */
export class HourlyIntensity {
  readonly startMs: number
  readonly hours: number
  readonly cdf: Float64Array

  constructor(startMs: number, endMs: number) {
    this.startMs = startMs
    this.hours = Math.ceil((endMs - startMs) / HOUR_MS)
    this.cdf = new Float64Array(this.hours + 1)
    let total = 0
    for (let h = 0; h < this.hours; h++) {
      // Volume grows about 50 % over the span.
      const trend = 1 + (0.5 * h) / this.hours
      total += hourIntensity(startMs + h * HOUR_MS) * trend
      this.cdf[h + 1] = total
    }
  }

  /** Cumulative mass at `ms` (clamped to the span, linear inside an hour). */
  massAt(ms: number): number {
    const x = (ms - this.startMs) / HOUR_MS
    if (x <= 0) return 0
    if (x >= this.hours) return this.cdf[this.hours] ?? 0
    const h = Math.floor(x)
    const a = this.cdf[h] ?? 0
    const b = this.cdf[h + 1] ?? a
    return a + (b - a) * (x - h)
  }

  /** Instant whose cumulative mass is `mass`. */
  instantAt(mass: number): number {
    let lo = 0
    let hi = this.hours
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if ((this.cdf[mid] ?? 0) <= mass) lo = mid
      else hi = mid
    }
    const a = this.cdf[lo] ?? 0
    const b = this.cdf[lo + 1] ?? a
    const frac = b > a ? (mass - a) / (b - a) : 0
    return this.startMs + (lo + Math.min(Math.max(frac, 0), 0.999999)) * HOUR_MS
  }
}

// BUILD

export const SPAN_DAYS = 548
export const MAX_TICKETS = 1_000_000
export const MIN_TICKETS = 1

function checkOptions(options: SkeletonOptions): { tickets: number; seed: number; end: string } {
  const tickets = options.tickets
  if (!Number.isInteger(tickets) || tickets < MIN_TICKETS || tickets > MAX_TICKETS) {
    throw new Error(
      `tickets must be an integer from ${MIN_TICKETS} to ${MAX_TICKETS} (got ${tickets})`,
    )
  }
  const seed = options.seed ?? 1
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`seed must be an integer from 0 to 4294967295 (got ${seed})`)
  }
  return { tickets, seed, end: options.end ?? DEFAULT_END_DATE }
}

/** Number of agents: about one per 400 tickets a month, at least 8 (a team worth a dashboard). */
export function agentCountFor(tickets: number): number {
  return Math.max(8, Math.round(tickets / (SPAN_DAYS / 30.44) / 400))
}

/** Number of groups: one per 8 agents, at least 3 and at most 8. */
export function groupCountFor(agents: number): number {
  return Math.max(3, Math.min(8, Math.ceil(agents / 8)))
}

function orgPlanOf(rng: Rng): number {
  return weighted(rng, [
    [0, 0.55],
    [1, 0.33],
    [2, 0.12],
  ])
}

/** Builds the skeleton of an account. Deterministic in (tickets, seed, end). */
export function buildSkeleton(options: SkeletonOptions): Skeleton {
  const { tickets, seed, end } = checkOptions(options)
  const endMs = parseEndDate(end)
  const startMs = endMs - SPAN_DAYS * DAY_MS
  const hourly = new HourlyIntensity(startMs, endMs)

  // Organizations and people.
  const customerCount = Math.max(30, Math.round(tickets / 3.2))
  const orgCount = Math.max(5, Math.round(customerCount / 40))
  const agentCount = agentCountFor(tickets)
  const groupCount = groupCountFor(agentCount)

  const orgPlan = new Uint8Array(orgCount)
  const orgRevenue = new Float64Array(orgCount)
  const orgCreatedMs = new Float64Array(orgCount)
  for (let i = 0; i < orgCount; i++) {
    const rng = streamFor(seed, 'org', i)
    const plan = orgPlanOf(rng)
    orgPlan[i] = plan
    const median = [250_000, 2_000_000, 25_000_000][plan] ?? 250_000
    orgRevenue[i] = Math.round(logNormal(rng, median, 0.8) / 1000) * 1000
    orgCreatedMs[i] =
      startMs - Math.floor(rng.next() * 4 * 365) * DAY_MS - intBetween(rng, 0, 86_399) * 1000
  }
  const agentGroup = new Uint16Array(agentCount)
  for (let i = 0; i < agentCount; i++) agentGroup[i] = i % groupCount

  const customerOrg = new Int32Array(customerCount)
  const customerSignupMs = new Float64Array(customerCount)
  const customerValue = new Float64Array(customerCount)
  const customerOrders = new Uint32Array(customerCount)
  const customerLastOrderMs = new Float64Array(customerCount)
  const customerChannel = new Uint8Array(customerCount)
  const customerSlowness = new Float32Array(customerCount)
  const customerChurned = new Uint8Array(customerCount)
  const customerChurnMs = new Float64Array(customerCount)
  const weights = new Float64Array(customerCount)
  const windowStart = new Float64Array(customerCount)
  const windowEnd = new Float64Array(customerCount)

  for (let c = 0; c < customerCount; c++) {
    const rng = streamFor(seed, 'customer', c)
    customerOrg[c] = chance(rng, 0.65) ? Math.floor(rng.next() * orgCount) : -1
    const newcomer = chance(rng, 0.3)
    const signup = newcomer
      ? startMs + rng.next() * (SPAN_DAYS - 30) * DAY_MS
      : startMs - rng.next() * 3 * 365 * DAY_MS
    customerSignupMs[c] = Math.floor(signup / 1000) * 1000
    const value = logNormal(rng, 420, 1.0)
    const channel = weighted(
      rng,
      CHANNEL_MIX.map(([, w], i) => [i, w] as const),
    )
    customerChannel[c] = channel
    const slowness = logNormal(rng, 1, 0.8)
    customerSlowness[c] = slowness
    const from = Math.max(signup, startMs)
    windowStart[c] = from
    const pChurn = churnProbability(CHANNELS[channel] ?? 'email', slowness)
    let to = endMs
    if (chance(rng, pChurn)) {
      customerChurned[c] = 1
      // Churn happens after the customer had time to experience support (at least two weeks in).
      const earliest = from + 14 * DAY_MS
      to = earliest < endMs ? earliest + rng.next() * (endMs - earliest) : endMs
      customerChurnMs[c] = Math.floor(to / 1000) * 1000
    }
    windowEnd[c] = to
    weights[c] = contactRate(value) * Math.max(hourly.massAt(to) - hourly.massAt(from), 1e-9)
    // Purchases: lifetime value over an average order value of about 75.
    const aov = logNormal(rng, 75, 0.35)
    const orders = Math.max(1, Math.round(value / aov))
    customerOrders[c] = orders
    customerValue[c] = Math.round(value * 100) / 100
    // Retained customers keep buying until about now; churned ones stopped around their churn date.
    const lastOrder = customerChurned[c]
      ? to - exponential(rng, 10) * DAY_MS
      : endMs - exponential(rng, 14) * DAY_MS
    customerLastOrderMs[c] = Math.floor(Math.max(lastOrder, signup) / 1000) * 1000
  }

  // Tickets: requesters by contact rate × active time, arrival times by seasonal intensity in the window.
  const alias = new AliasTable(weights)
  const pickRng = streamFor(seed, 'requesters')
  const keyed = new Float64Array(tickets)
  const requesterTmp = new Uint32Array(tickets)
  for (let t = 0; t < tickets; t++) {
    const c = alias.sample(pickRng)
    requesterTmp[t] = c
    const a = hourly.massAt(windowStart[c] ?? startMs)
    const b = hourly.massAt(windowEnd[c] ?? endMs)
    const at = Math.floor(hourly.instantAt(a + pickRng.next() * (b - a)) / 1000)
    // Sort key: arrival second, then draw order (< 2^21).
    keyed[t] = at * 2_097_152 + t
  }
  keyed.sort()
  const ticketCreatedMs = new Float64Array(tickets)
  const ticketRequester = new Uint32Array(tickets)
  const ticketFirstContact = new Uint8Array(tickets)
  const customerTicketCount = new Uint32Array(customerCount)
  for (let i = 0; i < tickets; i++) {
    const key = keyed[i] ?? 0
    const at = Math.floor(key / 2_097_152)
    const t = key - at * 2_097_152
    const c = requesterTmp[t] ?? 0
    ticketCreatedMs[i] = at * 1000
    ticketRequester[i] = c
    if ((customerTicketCount[c] ?? 0) === 0) ticketFirstContact[i] = 1
    customerTicketCount[c] = (customerTicketCount[c] ?? 0) + 1
  }

  return {
    seed,
    ticketCount: tickets,
    endMs,
    startMs,
    endDate: end,
    orgCount,
    orgPlan,
    orgRevenue,
    orgCreatedMs,
    groupCount,
    agentCount,
    agentGroup,
    customerCount,
    customerOrg,
    customerSignupMs,
    customerValue,
    customerOrders,
    customerLastOrderMs,
    customerChannel,
    customerSlowness,
    customerChurned,
    customerChurnMs,
    customerTicketCount,
    ticketCreatedMs,
    ticketRequester,
    ticketFirstContact,
    hourly,
  }
}
