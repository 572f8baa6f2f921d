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

function satisfaction(lc: Lifecycle, st: TicketState): string {
  if (st.csat === 'good' || st.csat === 'bad') {
    const base = `{"id":${RATING_BASE + lc.id},"score":"${st.csat}","comment":${q(lc.csatComment ?? '')}`
    return st.csat === 'bad'
      ? `${base},"reason":${q(lc.csatReason ?? 'Some other reason')}}`
      : `${base}}`
  }
  return `{"score":"${st.csat}"}`
}

/** `JSON.stringify(ticketJson(sk, lc, st, baseUrl))` without the object (no session overrides). */
export function ticketString(
  sk: Skeleton,
  lc: Lifecycle,
  st: TicketState,
  baseUrl: string,
): string {
  const requesterId = ticketRequesterId(lc)
  const subject = q(subjectOf(lc))
  const status = st.status
  const fields =
    lc.orderNumber === null
      ? `[{"id":${TICKET_FIELD_TOPIC},"value":"${lc.topic}"}]`
      : `[{"id":${TICKET_FIELD_TOPIC},"value":"${lc.topic}"},{"id":${TICKET_FIELD_ORDER},"value":${q(lc.orderNumber)}}]`
  const tags = ticketTags(sk, lc)
    .map((t) => q(t))
    .join(',')
  const org = ticketOrgId(sk, lc)
  const customStatus = status === 'deleted' ? CUSTOM_STATUS_IDS.open : CUSTOM_STATUS_IDS[status]
  return (
    `{"url":"${baseUrl}/api/v2/tickets/${lc.id}.json","id":${lc.id},"external_id":null,` +
    `"via":{"channel":"${lc.channel}","source":{"from":{},"to":{},"rel":null}},` +
    `"created_at":"${iso(lc.createdMs)}","updated_at":"${iso(st.updatedMs)}","generated_timestamp":${unix(st.updatedMs)},` +
    `"type":${qn(lc.type)},"subject":${subject},"raw_subject":${subject},` +
    `"description":${q(`${subjectOf(lc)} (order ${lc.orderNumber ?? 'n/a'})`)},` +
    `"priority":"${lc.priority}","status":"${status}",` +
    (lc.channel === 'email' ? `"recipient":"support@retention-radar.example",` : '') +
    `"requester_id":${requesterId},"submitter_id":${requesterId},` +
    `"assignee_id":${st.assigned ? ticketAgentId(lc) : 'null'},"organization_id":${n(org)},` +
    `"group_id":${st.assigned ? ticketGroupId(lc) : 'null'},` +
    `"collaborator_ids":[],"follower_ids":[],"email_cc_ids":[],"problem_id":null,"has_incidents":false,` +
    `"is_public":true,"due_at":null,"tags":[${tags}],"custom_fields":${fields},` +
    `"satisfaction_rating":${satisfaction(lc, st)},"sharing_agreement_ids":[],"custom_status_id":${customStatus},` +
    `"fields":${fields},"followup_ids":[],"ticket_form_id":${TICKET_FORM_ID},"brand_id":${BRAND_ID},` +
    `"allow_channelback":false,"allow_attachments":true,"from_messaging_channel":${lc.channel === 'native_messaging'}}`
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

/** `JSON.stringify(metricSetJson(lc, st, baseUrl))` without the object. */
export function metricSetString(lc: Lifecycle, st: TicketState, baseUrl: string): string {
  const solved = !Number.isNaN(st.solvedMs)
  if (!solved && !st.replied) {
    // Rare enough (open tickets) to take the object path.
    return JSON.stringify(metricSetJson(lc, st, baseUrl))
  }
  const id = 40_000_000 + lc.id
  const reply = st.replied ? ds(dur(lc.createdMs, lc.firstReplyMs)) : NULL_DURATION
  let firstRes = NULL_DURATION
  let fullRes = NULL_DURATION
  let agentWait = NULL_DURATION
  let requesterWait = NULL_DURATION
  let onHold = NULL_DURATION
  if (solved) {
    firstRes = ds(dur(lc.createdMs, lc.firstSolveMs))
    const full = dur(lc.createdMs, st.solvedMs)
    fullRes = ds(full)
    const finalVisible = st.solvedMs === lc.finalSolveMs
    const pendingMin = finalVisible ? lc.pendingMin : 0
    const holdMin = finalVisible ? lc.holdMin : 0
    const ratio = full.cal > 0 ? full.bus / full.cal : 0
    const agentBus = Math.round(pendingMin * ratio)
    agentWait = `{"calendar":${pendingMin},"business":${agentBus}}`
    onHold = `{"calendar":${holdMin},"business":${Math.round(holdMin * ratio)}}`
    requesterWait = `{"calendar":${Math.max(0, full.cal - pendingMin)},"business":${Math.max(0, full.bus - agentBus)}}`
  }
  const lastReplyMs = st.replied ? lc.firstReplyMs : lc.createdMs
  const latestComment = Math.max(lastReplyMs, solved ? st.solvedMs : 0)
  const statusUpdated = st.status === 'closed' ? st.solvedMs + 4 * 86_400_000 : st.updatedMs
  const assignedAt = st.assigned ? `"${iso(lc.assignedMs)}"` : 'null'
  const statusUpdatedIso = iso(statusUpdated)
  return (
    `{"url":"${baseUrl}/api/v2/ticket_metrics/${id}.json","id":${id},"ticket_id":${lc.id},` +
    `"created_at":"${iso(lc.createdMs)}","updated_at":"${iso(st.updatedMs)}",` +
    `"group_stations":${st.assigned ? lc.groupStations : 0},"assignee_stations":${st.assigned ? lc.assigneeStations : 0},` +
    `"reopens":${st.reopens},"replies":${st.replies},` +
    `"assignee_updated_at":${st.replied ? `"${iso(latestComment)}"` : 'null'},` +
    `"requester_updated_at":"${iso(lc.createdMs)}","status_updated_at":"${statusUpdatedIso}",` +
    `"initially_assigned_at":${assignedAt},"assigned_at":${assignedAt},` +
    `"solved_at":${solved ? `"${iso(st.solvedMs)}"` : 'null'},"latest_comment_added_at":"${iso(latestComment)}",` +
    `"custom_status_updated_at":"${statusUpdatedIso}","reply_time_in_minutes":${reply},` +
    `"first_resolution_time_in_minutes":${firstRes},"full_resolution_time_in_minutes":${fullRes},` +
    `"agent_wait_time_in_minutes":${agentWait},"requester_wait_time_in_minutes":${requesterWait},` +
    `"on_hold_time_in_minutes":${onHold}}`
  )
}
