// Zendesk JSON for the generated entities: tickets, ticket metric sets and satisfaction ratings (people in
// people.ts, SLA policies and ticket metric events in slaEvents.ts, both re-exported). Field names and
// nesting follow the live API (docs/zendesk-api.md §2–3), e.g. `ticket_metric` as an object and metric
// durations as `{calendar, business}` whose values are null until both events happened.
import {
  CLOSE_AFTER_MS,
  type Lifecycle,
  type Status,
  type TicketState,
  subjectOf,
} from './lifecycle'
import { ticketAgentId, ticketGroupId, ticketParties, ticketRequesterId } from './ticketParties'
import { hash32 } from './random'
import {
  BRAND_ID,
  METRIC_SET_BASE,
  RATING_BASE,
  TICKET_FIELD_ORDER,
  TICKET_FIELD_TOPIC,
  TICKET_FORM_ID,
  type Skeleton,
} from './skeleton'
import { customerTier } from './people'
import { MINUTE_MS, businessMinutesBetween, iso, unix } from './time'

export * from './slaEvents'
export * from './people'

export type Json = Record<string, unknown>

/** Account-wide identity of the simulated Zendesk instance. */
export const DEFAULT_BASE_URL = 'https://retention-radar.zendesk.com'

/** Demo API token of an account (derived from the seed, stable across runs). */
export function apiTokenFor(seed: number): string {
  const parts = [hash32(seed, 'token', 1), hash32(seed, 'token', 2), hash32(seed, 'token', 3)]
  return parts.map((p) => p.toString(36).padStart(7, '0')).join('')
}

const CUSTOM_STATUS_IDS: Record<Exclude<Status, 'deleted'>, number> = {
  new: 360_000_301,
  open: 360_000_302,
  pending: 360_000_303,
  hold: 360_000_304,
  solved: 360_000_305,
  closed: 360_000_305,
}

/** The ticket's `custom_status_id`: the status's own (a deleted ticket keeps open's). */
export const customStatusId = (status: Status): number =>
  status === 'deleted' ? CUSTOM_STATUS_IDS.open : CUSTOM_STATUS_IDS[status]

/** What the session set through the API (`PUT`, or `POST` for the tickets it created). */
export type TicketOverride = {
  tags?: string[]
  /** Priority and status set through the API (the generated timeline and metrics do not follow). */
  priority?: string
  status?: Exclude<Status, 'deleted'>
  customFields?: Map<number, unknown>
  updatedMs?: number
  /** Set once assigned through the API; null = unassigned. */
  assigneeId?: number | null
  groupId?: number | null
  /** Text of a ticket created in the session. */
  subject?: string
  description?: string
}

// TICKETS

export function ticketTags(skeleton: Skeleton, lifecycle: Lifecycle): string[] {
  const tags: string[] = [lifecycle.topic]
  const tier = customerTier(skeleton.customerValue[lifecycle.requester] ?? 0)
  if (tier !== null) tags.push(tier)
  if (lifecycle.orderNumber !== null) tags.push('has_order')
  if (lifecycle.priority === 'urgent') tags.push('escalated')
  return tags
}

function satisfactionOnTicket(skeleton: Skeleton, lifecycle: Lifecycle, state: TicketState): Json {
  if (state.csat === 'good' || state.csat === 'bad') {
    const r: Json = {
      id: RATING_BASE + lifecycle.id,
      score: state.csat,
      comment: lifecycle.csatComment ?? '',
    }
    if (state.csat === 'bad') r.reason = lifecycle.csatReason ?? 'Some other reason'
    return r
  }
  void skeleton
  return { score: state.csat }
}

/** The ticket object (`TicketObject`) at the ticket's `state`. */
export function ticketJson(
  skeleton: Skeleton,
  lifecycle: Lifecycle,
  state: TicketState,
  baseUrl: string,
  override?: TicketOverride,
): Json {
  const who = ticketParties(skeleton, lifecycle, state)
  const subject = override?.subject ?? subjectOf(lifecycle)
  const status = state.status === 'deleted' ? state.status : (override?.status ?? state.status)
  const updatedMs = Math.max(state.updatedMs, override?.updatedMs ?? 0)
  // Empty fields are left out: the spec types custom field values as non-null.
  const customFields: { id: number; value: unknown }[] = [
    { id: TICKET_FIELD_TOPIC, value: lifecycle.topic },
  ]
  if (lifecycle.orderNumber !== null)
    customFields.push({ id: TICKET_FIELD_ORDER, value: lifecycle.orderNumber })
  if (override?.customFields) {
    for (const [id, value] of override.customFields) {
      const at = customFields.findIndex((f) => f.id === id)
      if (value === null) {
        if (at >= 0) customFields.splice(at, 1)
      } else if (at >= 0) customFields[at] = { id, value }
      else customFields.push({ id, value })
    }
  }
  return {
    url: `${baseUrl}/api/v2/tickets/${lifecycle.id}.json`,
    id: lifecycle.id,
    external_id: null,
    via: { channel: lifecycle.channel, source: { from: {}, to: {}, rel: null } },
    created_at: iso(lifecycle.createdMs),
    updated_at: iso(updatedMs),
    generated_timestamp: unix(updatedMs),
    type: lifecycle.type,
    subject,
    raw_subject: subject,
    description: override?.description ?? `${subject} (order ${lifecycle.orderNumber ?? 'n/a'})`,
    priority: override?.priority ?? lifecycle.priority,
    status,
    ...(lifecycle.channel === 'email' ? { recipient: 'support@retention-radar.example' } : {}),
    requester_id: who.requesterId,
    submitter_id: who.requesterId,
    assignee_id: override?.assigneeId !== undefined ? override.assigneeId : who.assigneeId,
    organization_id: who.organizationId,
    group_id: override?.groupId !== undefined ? override.groupId : who.groupId,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    problem_id: null,
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: override?.tags ?? ticketTags(skeleton, lifecycle),
    custom_fields: customFields,
    satisfaction_rating: satisfactionOnTicket(skeleton, lifecycle, state),
    sharing_agreement_ids: [],
    custom_status_id: customStatusId(status),
    fields: customFields,
    followup_ids: [],
    ticket_form_id: TICKET_FORM_ID,
    brand_id: BRAND_ID,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: lifecycle.channel === 'native_messaging',
  }
}

export type Duration = { calendar: number | null; business: number | null }
const NULL_DURATION: Duration = { calendar: null, business: null }

function duration(from: number, to: number): Duration {
  return {
    // Whole minutes elapsed on the clock (so business minutes never exceed calendar minutes).
    calendar: Math.floor(to / MINUTE_MS) - Math.floor(from / MINUTE_MS),
    business: businessMinutesBetween(from, to),
  }
}

/** Scales a sub-period (pending, on-hold) to business minutes using the ticket's business/calendar ratio. */
function part(minutes: number, whole: Duration): Duration {
  const cal = whole.calendar ?? 0
  const ratio = cal > 0 ? (whole.business ?? 0) / cal : 0
  return { calendar: minutes, business: Math.round(minutes * ratio) }
}

/** The durations of a metric set, each `{calendar, business}` minutes (both null until it happened). */
export type MetricDurations = {
  reply: Duration
  firstResolution: Duration
  fullResolution: Duration
  agentWait: Duration
  requesterWait: Duration
  onHold: Duration
}

/**
 * The metric set's durations at `state`: the reply once replied; resolutions and waits once solved,
 * the pending and on-hold minutes counted once the final solve shows.
 *
 * @example
 * metricDurations(lifecycle, stateAt(lifecycle, lifecycle.createdMs)).fullResolution //=> { calendar: null, business: null }
 */
export function metricDurations(lifecycle: Lifecycle, state: TicketState): MetricDurations {
  const reply = state.replied
    ? duration(lifecycle.createdMs, lifecycle.firstReplyMs)
    : NULL_DURATION
  if (Number.isNaN(state.solvedMs)) {
    return {
      reply,
      firstResolution: NULL_DURATION,
      fullResolution: NULL_DURATION,
      agentWait: NULL_DURATION,
      requesterWait: NULL_DURATION,
      onHold: NULL_DURATION,
    }
  }
  const fullResolution = duration(lifecycle.createdMs, state.solvedMs)
  const finalVisible = state.solvedMs === lifecycle.finalSolveMs
  const pendingMin = finalVisible ? lifecycle.pendingMin : 0
  const holdMin = finalVisible ? lifecycle.holdMin : 0
  const agentWait = part(pendingMin, fullResolution)
  return {
    reply,
    firstResolution: duration(lifecycle.createdMs, lifecycle.firstSolveMs),
    fullResolution,
    agentWait,
    requesterWait: {
      calendar: Math.max(0, (fullResolution.calendar ?? 0) - pendingMin),
      business: Math.max(0, (fullResolution.business ?? 0) - (agentWait.business ?? 0)),
    },
    onHold: part(holdMin, fullResolution),
  }
}

/** The ticket metric set (`TicketMetricObject`, live shape) at the ticket's `state`. */
export function metricSetJson(lifecycle: Lifecycle, state: TicketState, baseUrl: string): Json {
  const id = METRIC_SET_BASE + lifecycle.id
  const solved = !Number.isNaN(state.solvedMs)
  const d = metricDurations(lifecycle, state)
  const lastReplyMs = state.replied ? lifecycle.firstReplyMs : lifecycle.createdMs
  const latestComment = Math.max(lastReplyMs, solved ? state.solvedMs : 0)
  const statusUpdated =
    state.status === 'closed' ? state.solvedMs + CLOSE_AFTER_MS : state.updatedMs
  const assignedAt = state.assigned ? iso(lifecycle.assignedMs) : null
  return {
    url: `${baseUrl}/api/v2/ticket_metrics/${id}.json`,
    id,
    ticket_id: lifecycle.id,
    created_at: iso(lifecycle.createdMs),
    updated_at: iso(state.updatedMs),
    group_stations: state.assigned ? lifecycle.groupStations : 0,
    assignee_stations: state.assigned ? lifecycle.assigneeStations : 0,
    reopens: state.reopens,
    replies: state.replies,
    assignee_updated_at: state.replied ? iso(latestComment) : null,
    requester_updated_at: iso(lifecycle.createdMs),
    status_updated_at: iso(statusUpdated),
    initially_assigned_at: assignedAt,
    assigned_at: assignedAt,
    solved_at: solved ? iso(state.solvedMs) : null,
    latest_comment_added_at: iso(latestComment),
    custom_status_updated_at: iso(statusUpdated),
    reply_time_in_minutes: d.reply,
    first_resolution_time_in_minutes: d.firstResolution,
    full_resolution_time_in_minutes: d.fullResolution,
    agent_wait_time_in_minutes: d.agentWait,
    requester_wait_time_in_minutes: d.requesterWait,
    on_hold_time_in_minutes: d.onHold,
  }
}

/** The satisfaction rating record (`SatisfactionRatingObject`), or null when the survey was never offered. */
export function ratingJson(lifecycle: Lifecycle, state: TicketState, baseUrl: string): Json | null {
  if (state.csat === 'unoffered' || state.status === 'deleted') return null
  const id = RATING_BASE + lifecycle.id
  const rated = state.csat === 'good' || state.csat === 'bad'
  const createdMs = lifecycle.csatOfferedMs
  const r: Json = {
    url: `${baseUrl}/api/v2/satisfaction_ratings/${id}.json`,
    id,
    assignee_id: ticketAgentId(lifecycle),
    group_id: ticketGroupId(lifecycle),
    requester_id: ticketRequesterId(lifecycle),
    ticket_id: lifecycle.id,
    score: state.csat,
    created_at: iso(createdMs),
    updated_at: iso(rated ? lifecycle.csatRatedMs : createdMs),
    comment: rated ? (lifecycle.csatComment ?? '') : '',
  }
  if (state.csat === 'bad') r.reason = lifecycle.csatReason ?? 'Some other reason'
  return r
}
