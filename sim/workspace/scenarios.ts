// Test scenarios made at test time through the simulated account's Zendesk routes, as its admin: a VIP
// ticket whose SLA is about to breach, tickets of anonymous, suspended, deleted and new requesters. The
// seeded dataset is left as it is; what these create is added to the session (docs/workspace.md).
// Each helper takes the workspace URL (`http://127.0.0.1:4400`) or a `SimTarget` (a sim server).
import { policyFor } from '../slaEvents'
import type { Tier, TierRequester } from '../tiers'

/** The simulated API and the admin credentials to call it with. */
export type SimTarget = { url: string; email: string; token: string }

/** A workspace URL, or the simulated API itself. */
export type Target = string | SimTarget

export type CreatedTicket = {
  ticketId: number
  requesterId: number
  assigneeId: number | null
  /** The ticket as the API returned it (with `slas`). */
  ticket: Record<string, unknown>
}

export type VipTicket = CreatedTicket & {
  priority: 'urgent' | 'high' | 'normal' | 'low'
  /** `breach_at` of the ticket's first reply target, ISO. */
  breachAt: string
  /** How far the helper moved the account clock so that the breach is `minutesToBreach` away. */
  clockAdvancedMinutes: number
}

const targets = new Map<string, SimTarget>()

/** The simulated API behind a workspace (asked once per workspace URL), or the target as given. */
export async function simTarget(target: Target): Promise<SimTarget> {
  if (typeof target !== 'string') return target
  const known = targets.get(target)
  if (known) return known
  const res = await fetch(new URL('/workspace/api/sim', target))
  if (!res.ok)
    throw new Error(`${target} is not a workspace: GET /workspace/api/sim → ${res.status}`)
  const sim = (await res.json()) as SimTarget
  targets.set(target, sim)
  return sim
}

/** Calls the simulated API as the admin; throws with Zendesk's answer on any failure. */
export async function zendesk(
  target: Target,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const sim = await simTarget(target)
  const auth = Buffer.from(`${sim.email}/token:${sim.token}`).toString('base64')
  const res = await fetch(new URL(path, sim.url), {
    method,
    headers: {
      Authorization: `Basic ${auth}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`)
  return JSON.parse(text) as Record<string, unknown>
}

/** Moves the account clock forward (every ticket lives on: replies, solves, SLA events, arrivals). */
export async function advanceClock(target: Target, minutes: number): Promise<string> {
  const sim = await simTarget(target)
  const res = await fetch(new URL(`/__sim/clock/advance?minutes=${minutes}`, sim.url), {
    method: 'POST',
  })
  if (!res.ok) throw new Error(`advancing the clock by ${minutes} min → ${res.status}`)
  return String(((await res.json()) as { now: string }).now)
}

/** End users with tickets whose lifetime value puts them in `tier` for the app (sim/tiers.ts). */
export async function requestersByTier(
  target: Target,
  tier: Tier,
  count = 5,
): Promise<TierRequester[]> {
  const sim = await simTarget(target)
  const res = await fetch(new URL(`/__sim/requesters?tier=${tier}&count=${count}`, sim.url))
  if (!res.ok) throw new Error(`requesters of tier ${tier} → ${res.status}: ${await res.text()}`)
  const { requesters } = (await res.json()) as { requesters: TierRequester[] }
  if (requesters.length === 0) throw new Error(`the account has no ${tier} requester`)
  return requesters
}

/** `POST /api/v2/tickets?include=slas` with a `ticket` body; returns the ticket's ids. */
export async function createTicket(
  target: Target,
  ticket: Record<string, unknown>,
): Promise<CreatedTicket> {
  const out = await zendesk(target, 'POST', '/api/v2/tickets?include=slas', { ticket })
  return created(out.ticket as Record<string, unknown>)
}

function created(ticket: Record<string, unknown>): CreatedTicket {
  return {
    ticketId: Number(ticket.id),
    requesterId: Number(ticket.requester_id),
    assigneeId: typeof ticket.assignee_id === 'number' ? ticket.assignee_id : null,
    ticket,
  }
}

/** `PUT /api/v2/tickets/{id}` with a `ticket` body; returns the ticket as it is now. */
export async function updateTicket(
  target: Target,
  ticketId: number,
  ticket: Record<string, unknown>,
): Promise<CreatedTicket> {
  const out = await zendesk(target, 'PUT', `/api/v2/tickets/${ticketId}`, { ticket })
  return created(out.ticket as Record<string, unknown>)
}

/** Reassigns a ticket to another agent (who brings their group): the SLA warning's "again" case. */
export const reassignTicket = (
  target: Target,
  ticketId: number,
  assigneeId: number,
): Promise<CreatedTicket> => updateTicket(target, ticketId, { assignee_id: assigneeId })

/** A public reply by the agent: on a created ticket the first reply target is then met. */
export const replyToTicket = (
  target: Target,
  ticketId: number,
  body = 'Thanks, we are on it.',
): Promise<CreatedTicket> => updateTicket(target, ticketId, { comment: { body, public: true } })

/** `POST /api/v2/users`: a new end user; returns the id. */
export async function createEndUser(
  target: Target,
  user: Record<string, unknown>,
): Promise<number> {
  const out = await zendesk(target, 'POST', '/api/v2/users', { user })
  return Number((out.user as { id: number }).id)
}

const DEFAULT_ASSIGNEE = 10_000_100
const PRIORITY_ORDER = ['urgent', 'high', 'normal', 'low'] as const

/**
 * A ticket of a `tier` customer (an existing requester of that tier), assigned to `assigneeId`, whose
 * first reply SLA breaches in `minutesToBreach` minutes. The ticket gets the most urgent priority
 * whose first reply target (urgent 60, high 240, normal 480, low 1440 min) is at least that long, is
 * created now, and the account clock moves forward by target − minutesToBreach (0 when they are
 * equal: pass 60 for an urgent ticket to leave the clock alone).
 */
export async function createVipTicketWithRunningSla(
  target: Target,
  options: {
    tier: Tier
    minutesToBreach: number
    assigneeId?: number
    priority?: VipTicket['priority']
    subject?: string
  },
): Promise<VipTicket> {
  const { minutesToBreach } = options
  const priority =
    options.priority ?? PRIORITY_ORDER.find((p) => policyFor(p).reply >= minutesToBreach)
  const reply = priority === undefined ? 0 : policyFor(priority).reply
  if (priority === undefined || !(minutesToBreach > 0) || minutesToBreach > reply) {
    throw new Error(
      `minutesToBreach must be from 1 to the first reply target of the priority (${options.priority ?? 'low'}: ${reply} min), got ${minutesToBreach}`,
    )
  }
  const [requester] = await requestersByTier(target, options.tier, 1)
  const made = await createTicket(target, {
    subject: options.subject ?? `Urgent: order problem (${options.tier} customer)`,
    comment: { body: 'My order arrived broken and I need it replaced today.' },
    requester_id: requester?.id,
    assignee_id: options.assigneeId ?? DEFAULT_ASSIGNEE,
    priority,
    via: { channel: 'email' },
  })
  const advance = Math.round(reply - minutesToBreach)
  if (advance > 0) await advanceClock(target, advance)
  const now = await zendesk(target, 'GET', `/api/v2/tickets/${made.ticketId}?include=slas`)
  const ticket = now.ticket as {
    slas?: { policy_metrics?: { metric: string; breach_at: string | null }[] }
  }
  const first = ticket.slas?.policy_metrics?.find((m) => m.metric === 'first_reply_time')
  return {
    ...created(now.ticket as Record<string, unknown>),
    priority,
    breachAt: String(first?.breach_at),
    clockAdvancedMinutes: advance,
  }
}

type PersonOptions = { assigneeId?: number; priority?: VipTicket['priority']; subject?: string }

const ticketFor = (requester: Record<string, unknown>, o: PersonOptions, channel: string) => ({
  subject: o.subject ?? 'Question about my order',
  comment: { body: 'Hello, I have a question about my order.' },
  ...requester,
  assignee_id: o.assigneeId ?? DEFAULT_ASSIGNEE,
  priority: o.priority ?? 'normal',
  via: { channel },
})

/**
 * A voice ticket from an anonymous caller: a new end user named after the number, with a phone and no
 * email, unverified (what Zendesk Talk creates for an unknown number).
 */
export async function createAnonymousRequesterTicket(
  target: Target,
  options: PersonOptions & { phone?: string } = {},
): Promise<CreatedTicket> {
  const phone = options.phone ?? '+1 (555) 010-0142'
  return createTicket(
    target,
    ticketFor({ requester: { name: `Caller ${phone}`, phone } }, options, 'voice'),
  )
}

/** A ticket of a new end user (no history), who is then suspended (`suspended: true`). */
export async function createSuspendedRequesterTicket(
  target: Target,
  options: PersonOptions & { name?: string; lifetimeValue?: number } = {},
): Promise<CreatedTicket> {
  const requesterId = await newCustomer(
    target,
    options.name ?? 'Sam Suspended',
    options.lifetimeValue,
  )
  const made = await createTicket(
    target,
    ticketFor({ requester_id: requesterId }, options, 'email'),
  )
  await zendesk(target, 'PUT', `/api/v2/users/${requesterId}`, { user: { suspended: true } })
  return made
}

/**
 * A closed ticket whose requester was then deleted (Zendesk deletes only end users whose tickets are
 * all closed): the ticket keeps `requester_id`, the user reads `active: false`.
 */
export async function createDeletedRequesterTicket(
  target: Target,
  options: PersonOptions & { name?: string } = {},
): Promise<CreatedTicket> {
  const requesterId = await newCustomer(target, options.name ?? 'Dana Deleted')
  const made = await createTicket(
    target,
    ticketFor({ requester_id: requesterId }, options, 'email'),
  )
  await zendesk(target, 'PUT', `/api/v2/tickets/${made.ticketId}`, { ticket: { status: 'closed' } })
  await zendesk(target, 'DELETE', `/api/v2/users/${requesterId}`)
  const now = await zendesk(target, 'GET', `/api/v2/tickets/${made.ticketId}?include=slas`)
  return created(now.ticket as Record<string, unknown>)
}

/** A ticket of a brand-new customer with an email and no history (optionally a lifetime value). */
export async function createNewCustomerTicket(
  target: Target,
  options: PersonOptions & { name?: string; lifetimeValue?: number } = {},
): Promise<CreatedTicket> {
  const requesterId = await newCustomer(
    target,
    options.name ?? 'Nia Newcomer',
    options.lifetimeValue,
  )
  return createTicket(target, ticketFor({ requester_id: requesterId }, options, 'web'))
}

let customers = 0

async function newCustomer(target: Target, name: string, lifetimeValue?: number): Promise<number> {
  customers++
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '.')
  return createEndUser(target, {
    name,
    email: `${slug}.${Date.now().toString(36)}${customers}@scenario.example`,
    verified: true,
    ...(lifetimeValue === undefined ? {} : { user_fields: { lifetime_value: lifetimeValue } }),
  })
}
