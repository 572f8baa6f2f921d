// String builders for the hot path of the 1,000,000-ticket dataset: the same JSON as
// `JSON.stringify(ticketJson(...))` / `JSON.stringify(metricSetJson(...))`, byte for byte (checked by
// tests/sim/fastJson.test.ts), without building the ticket and metric set objects. The rules behind the
// values (who a ticket involves, the metric durations, the custom status) come from lifecycle.ts and
// entities.ts; only the writing is done here.
import {
  type Duration,
  customStatusId,
  metricDurations,
  metricSetJson,
  ticketTags,
} from './entities'
import { CLOSE_AFTER_MS, type Lifecycle, type TicketState, subjectOf } from './lifecycle'
import { ticketParties } from './ticketParties'
import {
  BRAND_ID,
  METRIC_SET_BASE,
  RATING_BASE,
  type Skeleton,
  TICKET_FIELD_ORDER,
  TICKET_FIELD_TOPIC,
  TICKET_FORM_ID,
} from './skeleton'
import { iso, unix } from './time'

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
  const who = ticketParties(skeleton, lifecycle, state)
  const subject = q(subjectOf(lifecycle))
  const status = state.status
  const fields =
    lifecycle.orderNumber === null
      ? `[{"id":${TICKET_FIELD_TOPIC},"value":"${lifecycle.topic}"}]`
      : `[{"id":${TICKET_FIELD_TOPIC},"value":"${lifecycle.topic}"},{"id":${TICKET_FIELD_ORDER},"value":${q(lifecycle.orderNumber)}}]`
  const tags = ticketTags(skeleton, lifecycle)
    .map((t) => q(t))
    .join(',')
  return (
    `{"url":"${baseUrl}/api/v2/tickets/${lifecycle.id}.json","id":${lifecycle.id},"external_id":null,` +
    `"via":{"channel":"${lifecycle.channel}","source":{"from":{},"to":{},"rel":null}},` +
    `"created_at":"${iso(lifecycle.createdMs)}","updated_at":"${iso(state.updatedMs)}","generated_timestamp":${unix(state.updatedMs)},` +
    `"type":${qn(lifecycle.type)},"subject":${subject},"raw_subject":${subject},` +
    `"description":${q(`${subjectOf(lifecycle)} (order ${lifecycle.orderNumber ?? 'n/a'})`)},` +
    `"priority":"${lifecycle.priority}","status":"${status}",` +
    (lifecycle.channel === 'email' ? `"recipient":"support@retention-radar.example",` : '') +
    `"requester_id":${who.requesterId},"submitter_id":${who.requesterId},` +
    `"assignee_id":${n(who.assigneeId)},"organization_id":${n(who.organizationId)},` +
    `"group_id":${n(who.groupId)},` +
    `"collaborator_ids":[],"follower_ids":[],"email_cc_ids":[],"problem_id":null,"has_incidents":false,` +
    `"is_public":true,"due_at":null,"tags":[${tags}],"custom_fields":${fields},` +
    `"satisfaction_rating":${satisfaction(lifecycle, state)},"sharing_agreement_ids":[],"custom_status_id":${customStatusId(status)},` +
    `"fields":${fields},"followup_ids":[],"ticket_form_id":${TICKET_FORM_ID},"brand_id":${BRAND_ID},` +
    `"allow_channelback":false,"allow_attachments":true,"from_messaging_channel":${lifecycle.channel === 'native_messaging'}}`
  )
}

const ds = (d: Duration): string => `{"calendar":${n(d.calendar)},"business":${n(d.business)}}`

/** `JSON.stringify(metricSetJson(lifecycle, state, baseUrl))` without the object. */
export function metricSetString(lifecycle: Lifecycle, state: TicketState, baseUrl: string): string {
  const solved = !Number.isNaN(state.solvedMs)
  if (!solved && !state.replied) {
    // Rare enough (open tickets) to take the object path.
    return JSON.stringify(metricSetJson(lifecycle, state, baseUrl))
  }
  const id = METRIC_SET_BASE + lifecycle.id
  const d = metricDurations(lifecycle, state)
  const lastReplyMs = state.replied ? lifecycle.firstReplyMs : lifecycle.createdMs
  const latestComment = Math.max(lastReplyMs, solved ? state.solvedMs : 0)
  const statusUpdated =
    state.status === 'closed' ? state.solvedMs + CLOSE_AFTER_MS : state.updatedMs
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
    `"custom_status_updated_at":"${statusUpdatedIso}","reply_time_in_minutes":${ds(d.reply)},` +
    `"first_resolution_time_in_minutes":${ds(d.firstResolution)},"full_resolution_time_in_minutes":${ds(d.fullResolution)},` +
    `"agent_wait_time_in_minutes":${ds(d.agentWait)},"requester_wait_time_in_minutes":${ds(d.requesterWait)},` +
    `"on_hold_time_in_minutes":${ds(d.onHold)}}`
  )
}
