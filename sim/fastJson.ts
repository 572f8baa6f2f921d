// String builders for the hot path of the 1,000,000-ticket dataset: the same JSON as
// `JSON.stringify(ticketJson(...))` / `JSON.stringify(metricSetJson(...))`, byte for byte (checked by
// tests/sim/fastJson.test.ts), without allocating the intermediate objects.
import { CUSTOM_STATUS_IDS, metricSetJson, ticketTags } from './entities'
import {
  type Lifecycle,
  type TicketState,
  subjectOf,
  ticketAgentId,
  ticketGroupId,
  ticketOrgId,
  ticketRequesterId,
} from './lifecycle'
import {
  BRAND_ID,
  RATING_BASE,
  type Skeleton,
  TICKET_FIELD_ORDER,
  TICKET_FIELD_TOPIC,
  TICKET_FORM_ID,
} from './skeleton'
import { MINUTE_MS, businessMinutesBetween, iso, unix } from './time'

function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c === 0x22 || c === 0x5c) return true
  }
  return false
}

/** JSON string literal. */
export function q(s: string): string {
  return needsEscape(s) ? JSON.stringify(s) : `"${s}"`
}

const qn = (s: string | null): string => (s === null ? 'null' : q(s))
const n = (x: number | null): string => (x === null ? 'null' : String(x))

function satisfaction(lifecycle: Lifecycle, state: TicketState): string {
  if (state.csat === 'good' || state.csat === 'bad') {
    const base = `{"id":${RATING_BASE + lifecycle.id},"score":"${state.csat}","comment":${q(lifecycle.csatComment ?? '')}`
    return state.csat === 'bad'
      ? `${base},"reason":${q(lifecycle.csatReason ?? 'Some other reason')}}`
      : `${base}}`
  }
  return `{"score":"${state.csat}"}`
}

/** `JSON.stringify(ticketJson(skeleton, lifecycle, state, baseUrl))` without the object (no session overrides). */
export function ticketString(
  skeleton: Skeleton,
  lifecycle: Lifecycle,
  state: TicketState,
  baseUrl: string,
): string {
  const requesterId = ticketRequesterId(lifecycle)
  const subject = q(subjectOf(lifecycle))
  const status = state.status
  const fields =
    lifecycle.orderNumber === null
      ? `[{"id":${TICKET_FIELD_TOPIC},"value":"${lifecycle.topic}"}]`
      : `[{"id":${TICKET_FIELD_TOPIC},"value":"${lifecycle.topic}"},{"id":${TICKET_FIELD_ORDER},"value":${q(lifecycle.orderNumber)}}]`
  const tags = ticketTags(skeleton, lifecycle)
    .map((t) => q(t))
    .join(',')
  const org = ticketOrgId(skeleton, lifecycle)
  const customStatus = status === 'deleted' ? CUSTOM_STATUS_IDS.open : CUSTOM_STATUS_IDS[status]
  return (
    `{"url":"${baseUrl}/api/v2/tickets/${lifecycle.id}.json","id":${lifecycle.id},"external_id":null,` +
    `"via":{"channel":"${lifecycle.channel}","source":{"from":{},"to":{},"rel":null}},` +
    `"created_at":"${iso(lifecycle.createdMs)}","updated_at":"${iso(state.updatedMs)}","generated_timestamp":${unix(state.updatedMs)},` +
    `"type":${qn(lifecycle.type)},"subject":${subject},"raw_subject":${subject},` +
    `"description":${q(`${subjectOf(lifecycle)} (order ${lifecycle.orderNumber ?? 'n/a'})`)},` +
    `"priority":"${lifecycle.priority}","status":"${status}",` +
    (lifecycle.channel === 'email' ? `"recipient":"support@retention-radar.example",` : '') +
    `"requester_id":${requesterId},"submitter_id":${requesterId},` +
    `"assignee_id":${state.assigned ? ticketAgentId(lifecycle) : 'null'},"organization_id":${n(org)},` +
    `"group_id":${state.assigned ? ticketGroupId(lifecycle) : 'null'},` +
    `"collaborator_ids":[],"follower_ids":[],"email_cc_ids":[],"problem_id":null,"has_incidents":false,` +
    `"is_public":true,"due_at":null,"tags":[${tags}],"custom_fields":${fields},` +
    `"satisfaction_rating":${satisfaction(lifecycle, state)},"sharing_agreement_ids":[],"custom_status_id":${customStatus},` +
    `"fields":${fields},"followup_ids":[],"ticket_form_id":${TICKET_FORM_ID},"brand_id":${BRAND_ID},` +
    `"allow_channelback":false,"allow_attachments":true,"from_messaging_channel":${lifecycle.channel === 'native_messaging'}}`
  )
}

const NULL_DURATION = '{"calendar":null,"business":null}'

function dur(from: number, to: number): { cal: number; bus: number } {
  return {
    cal: Math.floor(to / MINUTE_MS) - Math.floor(from / MINUTE_MS),
    bus: businessMinutesBetween(from, to),
  }
}
const ds = (d: { cal: number; bus: number }): string => `{"calendar":${d.cal},"business":${d.bus}}`

/** `JSON.stringify(metricSetJson(lifecycle, state, baseUrl))` without the object. */
export function metricSetString(lifecycle: Lifecycle, state: TicketState, baseUrl: string): string {
  const solved = !Number.isNaN(state.solvedMs)
  if (!solved && !state.replied) {
    // Rare enough (open tickets) to take the object path.
    return JSON.stringify(metricSetJson(lifecycle, state, baseUrl))
  }
  const id = 40_000_000 + lifecycle.id
  const reply = state.replied ? ds(dur(lifecycle.createdMs, lifecycle.firstReplyMs)) : NULL_DURATION
  let firstRes = NULL_DURATION
  let fullRes = NULL_DURATION
  let agentWait = NULL_DURATION
  let requesterWait = NULL_DURATION
  let onHold = NULL_DURATION
  if (solved) {
    firstRes = ds(dur(lifecycle.createdMs, lifecycle.firstSolveMs))
    const full = dur(lifecycle.createdMs, state.solvedMs)
    fullRes = ds(full)
    const finalVisible = state.solvedMs === lifecycle.finalSolveMs
    const pendingMin = finalVisible ? lifecycle.pendingMin : 0
    const holdMin = finalVisible ? lifecycle.holdMin : 0
    const ratio = full.cal > 0 ? full.bus / full.cal : 0
    const agentBus = Math.round(pendingMin * ratio)
    agentWait = `{"calendar":${pendingMin},"business":${agentBus}}`
    onHold = `{"calendar":${holdMin},"business":${Math.round(holdMin * ratio)}}`
    requesterWait = `{"calendar":${Math.max(0, full.cal - pendingMin)},"business":${Math.max(0, full.bus - agentBus)}}`
  }
  const lastReplyMs = state.replied ? lifecycle.firstReplyMs : lifecycle.createdMs
  const latestComment = Math.max(lastReplyMs, solved ? state.solvedMs : 0)
  const statusUpdated =
    state.status === 'closed' ? state.solvedMs + 4 * 86_400_000 : state.updatedMs
  const assignedAt = state.assigned ? `"${iso(lifecycle.assignedMs)}"` : 'null'
  const statusUpdatedIso = iso(statusUpdated)
  return (
    `{"url":"${baseUrl}/api/v2/ticket_metrics/${id}.json","id":${id},"ticket_id":${lifecycle.id},` +
    `"created_at":"${iso(lifecycle.createdMs)}","updated_at":"${iso(state.updatedMs)}",` +
    `"group_stations":${state.assigned ? lifecycle.groupStations : 0},"assignee_stations":${state.assigned ? lifecycle.assigneeStations : 0},` +
    `"reopens":${state.reopens},"replies":${state.replies},` +
    `"assignee_updated_at":${state.replied ? `"${iso(latestComment)}"` : 'null'},` +
    `"requester_updated_at":"${iso(lifecycle.createdMs)}","status_updated_at":"${statusUpdatedIso}",` +
    `"initially_assigned_at":${assignedAt},"assigned_at":${assignedAt},` +
    `"solved_at":${solved ? `"${iso(state.solvedMs)}"` : 'null'},"latest_comment_added_at":"${iso(latestComment)}",` +
    `"custom_status_updated_at":"${statusUpdatedIso}","reply_time_in_minutes":${reply},` +
    `"first_resolution_time_in_minutes":${firstRes},"full_resolution_time_in_minutes":${fullRes},` +
    `"agent_wait_time_in_minutes":${agentWait},"requester_wait_time_in_minutes":${requesterWait},` +
    `"on_hold_time_in_minutes":${onHold}}`
  )
}
