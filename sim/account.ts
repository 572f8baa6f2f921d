// An in-memory, queryable simulated account (sizes up to about 100,000 tickets): the generated history
// plus everything that happens in the session — edits from PUT, deletions, tickets and people created
// through the API, and new tickets that arrive as the clock advances. The 1,000,000-ticket dataset path does not use this (see export.ts).
import { type SimClock, createManualClock } from './clock'
import {
  ADMIN_EMAIL,
  DEFAULT_BASE_URL,
  type Json,
  type RawMetricEvent,
  type TicketOverride,
  apiTokenFor,
  metricEvents,
  metricSetJson,
  ratingJson,
  ticketJson,
  userJson,
} from './entities'
import { type NewTicket, createdLifecycle, followCreated, solveCreated } from './createdTickets'
import {
  type Lifecycle,
  type Priority,
  type TicketState,
  buildLifecycle,
  lifecycleFor,
  stateAt,
} from './lifecycle'
import { generatedUserByEmail } from './people'
import { AliasTable, streamFor } from './random'
import {
  ADMIN_ID,
  type Plan,
  type Skeleton,
  agentId,
  buildSkeleton,
  contactRate,
  customerId,
  groupIndex,
  hourIntensity,
  TICKET_FIELD_TOPIC,
  userRef,
} from './skeleton'
import { type SessionPeople, createSessionPeople } from './sessionPeople'
import { type CustomObjectStore, createCustomObjectStore } from './custom/customObjects'
import { type TicketFieldStore, createTicketFieldStore } from './custom/ticketFields'
import { HOUR_MS } from './time'

export type SimAccountOptions = {
  /** Tickets in the generated history, 1 … 200,000 for an in-memory account. */
  tickets: number
  seed?: number
  /** Last day of the generated history, `YYYY-MM-DD` (default 2026-10-31). */
  end?: string
  /** Zendesk plan: sets the account rate limit (default `enterprise`, 700 requests/min). */
  plan?: Plan
  /** Account clock; default a manual clock at the end instant. */
  clock?: SimClock
}

export const MAX_IN_MEMORY_TICKETS = 200_000

export type TicketView = { lifecycle: Lifecycle; state: TicketState }

/** What `PUT /api/v2/tickets/{id}` changes (already validated). */
export type TicketChanges = {
  tags?: string[]
  customFields?: { id: number; value: unknown }[]
  priority?: Priority
  status?: NonNullable<TicketOverride['status']>
  /** null unassigns. */
  assigneeId?: number | null
  groupId?: number | null
  /** A comment by an agent (not kept; a public one is a created ticket's first reply). */
  comment?: { public: boolean }
}

export type UserRole = 'admin' | 'agent' | 'end-user'
const ALL_ROLES: ReadonlySet<UserRole> = new Set(['admin', 'agent', 'end-user'])

export type SimAccount = {
  readonly skeleton: Skeleton
  readonly seed: number
  readonly plan: Plan
  readonly clock: SimClock
  readonly adminEmail: string
  readonly apiToken: string
  readonly adminId: number
  /** Highest ticket id created so far (generated history + arrivals up to now). */
  maxTicketId: () => number
  /** The ticket at the current clock, or undefined (never existed, or not yet created). */
  ticket: (id: number) => TicketView | undefined
  /** All existing tickets at the current clock, id order (deleted ones included, status `deleted`). */
  tickets: () => TicketView[]
  /** Ticket ids requested by an end user, id order. */
  ticketIdsOfRequester: (userId: number) => number[]
  /** `updated_at` of a ticket including session edits (drives `generated_timestamp`). */
  updatedMs: (view: TicketView) => number
  ticketJson: (view: TicketView, baseUrl?: string) => Json
  metricSetJson: (view: TicketView, baseUrl?: string) => Json
  ratingJson: (view: TicketView, baseUrl?: string) => Json | null
  userJson: (id: number, view?: 'admin' | 'end-user', baseUrl?: string) => Json | undefined
  /** Active user with this email, or undefined. */
  userIdByEmail: (email: string) => number | undefined
  /** Role of a user (generated or created in the session; deleted ones too), or undefined. */
  userRole: (id: number) => UserRole | undefined
  /** Users that are not deleted, in id order: the admin, agents, end users, those created since. */
  userIds: (roles?: ReadonlySet<UserRole>) => number[]
  /** People created or changed in the session. */
  readonly people: SessionPeople
  /** Creates a ticket at the current clock (validated input); it gets the next ticket id. */
  createTicket: (ticket: NewTicket) => TicketView
  /** True for a ticket created through the API. */
  isCreatedTicket: (id: number) => boolean
  /**
   * Applies a PUT (tags, custom fields, priority, status, assignee, group); false for unknown or
   * deleted tickets. A created ticket's life follows: assignment, priority (its SLA targets) and solve.
   */
  updateTicket: (id: number, changes: TicketChanges) => boolean
  /** Ticket fields: system, generated and created in the session. */
  readonly ticketFields: TicketFieldStore
  /** Custom objects, their fields and records, created in the session. */
  readonly customObjects: CustomObjectStore
  /** Deletes a ticket now (used by the "deleted between list and show" fault and by tests). */
  deleteTicket: (id: number) => boolean
  /** All metric events up to now, in (time, ticket id) order. */
  metricEvents: () => RawMetricEvent[]
}

const ARRIVAL_SEED_KEY = 'arrivals'

/** Builds a simulated account in memory. Deterministic in (tickets, seed, end) and the clock's moves. */
export function createSimAccount(options: SimAccountOptions): SimAccount {
  if (options.tickets > MAX_IN_MEMORY_TICKETS) {
    throw new Error(
      `an in-memory account holds at most ${MAX_IN_MEMORY_TICKETS} tickets (got ${options.tickets}); stream larger ones with generateExportPages`,
    )
  }
  const skeleton = buildSkeleton(options)
  const plan = options.plan ?? 'enterprise'
  const clock = options.clock ?? createManualClock(skeleton.endMs)
  const lifecycles: Lifecycle[] = []
  for (let id = 1; id <= skeleton.ticketCount; id++) lifecycles.push(buildLifecycle(skeleton, id))
  const byRequester = new Map<number, number[]>()
  const index = (lifecycle: Lifecycle): void => {
    const list = byRequester.get(lifecycle.requester)
    if (list) list.push(lifecycle.id)
    else byRequester.set(lifecycle.requester, [lifecycle.id])
  }
  lifecycles.forEach(index)
  const overrides = new Map<number, TicketOverride>()
  const sessionDeleted = new Map<number, number>()
  const createdTickets = new Set<number>()
  const people = createSessionPeople(skeleton, () => clock.now())

  // Arrivals after the generated history: whole hours are generated in order (Poisson counts from the
  // same seasonal intensity), so the result does not depend on how the clock was moved.
  const arrivalRng = streamFor(skeleton.seed, ARRIVAL_SEED_KEY)
  const totalMass = skeleton.hourly.cdf[skeleton.hourly.hours] ?? 1
  const perUnit = skeleton.ticketCount / totalMass
  const activeWeights = new Float64Array(skeleton.customerCount)
  for (let c = 0; c < skeleton.customerCount; c++) {
    activeWeights[c] = skeleton.customerChurned[c] ? 0 : contactRate(skeleton.customerValue[c] ?? 0)
  }
  const activeAlias = new AliasTable(
    activeWeights.some((w) => w > 0)
      ? activeWeights
      : new Float64Array(skeleton.customerCount).fill(1),
  )
  const ticketsPerCustomer = Uint32Array.from(skeleton.customerTicketCount)
  let generatedUntil = skeleton.endMs
  // Arrivals draw from a stream keyed by their rank, so tickets created through the API (which take
  // ids) do not change which tickets arrive.
  let arrivals = 0
  const poisson = (mean: number): number => {
    // Knuth for small means, normal approximation above 30.
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()))
    const limit = Math.exp(-mean)
    let k = 0
    let p = arrivalRng.next()
    while (p > limit) {
      k++
      p *= arrivalRng.next()
    }
    return k
  }
  const gaussian = (): number =>
    Math.sqrt(-2 * Math.log(1 - arrivalRng.next())) * Math.cos(2 * Math.PI * arrivalRng.next())
  const generateArrivals = (until: number): void => {
    while (generatedUntil < until) {
      const hourStart = generatedUntil
      const count = poisson(perUnit * hourIntensity(hourStart) * 1.5)
      const times: number[] = []
      for (let k = 0; k < count; k++)
        times.push(hourStart + Math.floor(arrivalRng.next() * 3600) * 1000 + 1000)
      times.sort((a, b) => a - b)
      for (const t of times) {
        const requester = activeAlias.sample(arrivalRng)
        const id = lifecycles.length + 1
        arrivals++
        const first = (ticketsPerCustomer[requester] ?? 0) === 0
        ticketsPerCustomer[requester] = (ticketsPerCustomer[requester] ?? 0) + 1
        const lifecycle = lifecycleFor(
          skeleton,
          streamFor(skeleton.seed, 'arrival', skeleton.ticketCount + arrivals),
          id,
          requester,
          t,
          first,
        )
        lifecycles.push(lifecycle)
        index(lifecycle)
      }
      generatedUntil = hourStart + HOUR_MS
    }
  }

  let stateCacheNow = NaN
  let stateCache: (TicketState | undefined)[] = []
  const view = (id: number): TicketView | undefined => {
    const now = clock.now()
    generateArrivals(now)
    const lifecycle = lifecycles[id - 1]
    if (!lifecycle || lifecycle.createdMs > now) return undefined
    if (now !== stateCacheNow) {
      stateCacheNow = now
      stateCache = []
    }
    let state = stateCache[id - 1]
    if (!state) {
      const deletedAt = sessionDeleted.get(id)
      const effective: Lifecycle =
        deletedAt !== undefined &&
        (Number.isNaN(lifecycle.deletedMs) || deletedAt < lifecycle.deletedMs)
          ? { ...lifecycle, deletedMs: deletedAt }
          : lifecycle
      state = stateAt(effective, now)
      stateCache[id - 1] = state
    }
    return { lifecycle, state }
  }
  const maxTicketId = (): number => {
    const now = clock.now()
    generateArrivals(now)
    let n = lifecycles.length
    while (n > 0 && (lifecycles[n - 1]?.createdMs ?? 0) > now) n--
    return n
  }
  const baseOf = (b: string | undefined): string => b ?? DEFAULT_BASE_URL
  const invalidate = (): void => {
    stateCacheNow = NaN
  }
  /** Customer index of an end user: generated ones first, then those created in the session. */
  const requesterIndex = (userId: number): number | undefined => {
    const ref = userRef(skeleton, userId)
    if (ref?.kind === 'customer') return ref.index
    return people.isCreated(userId) ? userId - customerId(0) : undefined
  }
  const createTicket = (input: NewTicket): TicketView => {
    const now = clock.now()
    generateArrivals(now)
    const requester = requesterIndex(input.requesterId)
    if (requester === undefined)
      throw new Error(`requester ${input.requesterId} is not an end user`)
    // Ids follow creation time: arrivals generated ahead of the clock (not visible yet) move up one.
    let at = lifecycles.length
    while (at > 0 && (lifecycles[at - 1]?.createdMs ?? 0) > now) at--
    const id = at + 1
    const moved = lifecycles.slice(at)
    for (const l of moved) l.id++
    for (const l of new Set(moved.map((m) => m.requester))) {
      byRequester.set(
        l,
        (byRequester.get(l) ?? []).map((t) => (t >= id ? t + 1 : t)),
      )
    }
    const agent = input.assigneeId === null ? undefined : userRef(skeleton, input.assigneeId)
    const lifecycle = createdLifecycle({
      id,
      requester,
      createdMs: now,
      channel: input.channel,
      priority: input.priority,
      type: input.type,
      agentIndex: agent?.kind === 'agent' ? agent.index : 0,
      groupIndex: groupIndex(skeleton, input.groupId ?? 0) ?? 0,
      assigned: input.assigneeId !== null,
    })
    if (input.status === 'solved') solveCreated(lifecycle, now)
    lifecycles.splice(at, 0, lifecycle)
    index(lifecycle)
    byRequester.get(requester)?.sort((x, y) => x - y)
    createdTickets.add(id)
    // The generated Topic field is not set on a created ticket unless the request sets it.
    const customFields = new Map<number, unknown>([[TICKET_FIELD_TOPIC, null]])
    for (const f of input.customFields) customFields.set(f.id, f.value)
    overrides.set(id, {
      status: input.status,
      tags: [...new Set(input.tags)],
      customFields,
      assigneeId: input.assigneeId,
      groupId: input.groupId,
      subject: input.subject,
      description: input.description,
      updatedMs: now,
    })
    invalidate()
    const created = view(id)
    if (!created) throw new Error(`ticket ${id} was not created`)
    return created
  }

  const account: SimAccount = {
    skeleton,
    seed: skeleton.seed,
    plan,
    clock,
    adminEmail: ADMIN_EMAIL,
    apiToken: apiTokenFor(skeleton.seed),
    adminId: ADMIN_ID,
    maxTicketId,
    ticket: view,
    tickets() {
      const out: TicketView[] = []
      const n = maxTicketId()
      for (let id = 1; id <= n; id++) {
        const v = view(id)
        if (v) out.push(v)
      }
      return out
    },
    ticketIdsOfRequester(userId) {
      const requester = requesterIndex(userId)
      if (requester === undefined) return []
      const now = clock.now()
      generateArrivals(now)
      return (byRequester.get(requester) ?? []).filter(
        (id) => (lifecycles[id - 1]?.createdMs ?? Infinity) <= now,
      )
    },
    updatedMs: (v) => Math.max(v.state.updatedMs, overrides.get(v.lifecycle.id)?.updatedMs ?? 0),
    ticketJson: (v, b) => {
      const override = overrides.get(v.lifecycle.id)
      return ticketJson(skeleton, v.lifecycle, v.state, baseOf(b), override)
    },
    metricSetJson: (v, b) => metricSetJson(v.lifecycle, v.state, baseOf(b)),
    ratingJson: (v, b) => ratingJson(v.lifecycle, v.state, baseOf(b)),
    userJson: (id, v = 'admin', b) =>
      people.json(
        id,
        people.isCreated(id) ? undefined : userJson(skeleton, id, baseOf(b)),
        v,
        baseOf(b),
      ),
    userRole(id) {
      if (people.isCreated(id)) return 'end-user'
      const ref = userRef(skeleton, id)
      if (!ref) return undefined
      return ref.kind === 'customer' ? 'end-user' : ref.kind
    },
    userIds(roles = ALL_ROLES) {
      const ids: number[] = []
      if (roles.has('admin')) ids.push(ADMIN_ID)
      if (roles.has('agent')) for (let i = 0; i < skeleton.agentCount; i++) ids.push(agentId(i))
      if (roles.has('end-user')) {
        for (let c = 0; c < skeleton.customerCount; c++) ids.push(customerId(c))
        ids.push(...people.createdIds())
      }
      return ids.filter((id) => !people.isDeleted(id))
    },
    people,
    createTicket,
    isCreatedTicket: (id) => createdTickets.has(id),
    userIdByEmail(email) {
      const e = email.trim().toLowerCase()
      const made = people.idByEmail(e)
      if (made !== undefined) return made
      const id = generatedUserByEmail(skeleton, e)
      return id !== undefined && !people.isDeleted(id) ? id : undefined
    },
    updateTicket(id, changes) {
      const v = view(id)
      if (!v || v.state.status === 'deleted') return false
      const o = overrides.get(id) ?? {}
      if (changes.tags) o.tags = [...new Set(changes.tags)]
      if (changes.customFields) {
        o.customFields ??= new Map()
        for (const f of changes.customFields) o.customFields.set(f.id, f.value)
      }
      if (changes.priority !== undefined) o.priority = changes.priority
      if (changes.status !== undefined) o.status = changes.status
      const now = clock.now()
      if (createdTickets.has(id)) followCreated(v.lifecycle, o, changes, now)
      if (changes.assigneeId !== undefined) o.assigneeId = changes.assigneeId
      if (changes.groupId !== undefined) o.groupId = changes.groupId
      o.updatedMs = now
      overrides.set(id, o)
      invalidate()
      return true
    },
    ticketFields: createTicketFieldStore(() => clock.now(), skeleton.startMs - 400 * 86_400_000),
    customObjects: createCustomObjectStore(() => clock.now()),
    deleteTicket(id) {
      const v = view(id)
      if (!v || v.state.status === 'deleted') return false
      sessionDeleted.set(id, clock.now())
      invalidate()
      return true
    },
    metricEvents() {
      const all: RawMetricEvent[] = []
      const now = clock.now()
      for (const v of account.tickets()) all.push(...metricEvents(v.lifecycle, v.state, now))
      all.sort(
        (a, b) => a.timeMs - b.timeMs || a.ticketId - b.ticketId || (a.index ?? 0) - (b.index ?? 0),
      )
      return all
    },
  }
  return account
}
