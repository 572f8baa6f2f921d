// Zendesk's export shape (ticket + metric set + satisfaction rating) → the core's TicketRecord.
// Lenient and total: every problem is repaired or skipped by a documented rule and counted.

import { DURATION_METRICS, isRecord, isSolvedStatus, TICKET_STATUSES } from '@/core'
import type { CsatScore, DurationMetric, MinutePair, TicketRecord, TicketStatus } from '@/core'
import { normalizeChannel } from './channel'
import { count } from './reasons'
import type { ReasonCounts } from './reasons'

/** Durations above ten years are data errors, not tickets: they become null. */
export const ABSURD_MINUTES = 10 * 365.25 * 24 * 60

/** Metric set field of each duration metric (docs/zendesk-api.md §2.4). */
export const METRIC_FIELDS: Readonly<Record<DurationMetric, string>> = {
  firstReply: 'reply_time_in_minutes',
  firstResolution: 'first_resolution_time_in_minutes',
  fullResolution: 'full_resolution_time_in_minutes',
  requesterWait: 'requester_wait_time_in_minutes',
  agentWait: 'agent_wait_time_in_minutes',
  onHold: 'on_hold_time_in_minutes',
}

const STATUSES = new Set<string>(TICKET_STATUSES)

type Obj = Record<string, unknown>

/** Epoch ms of an ISO date-time string, or NaN. */
function instant(v: unknown): number {
  return typeof v === 'string' ? Date.parse(v) : NaN
}

function idOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null
}

function minutes(v: unknown, reasons: ReasonCounts): number | null {
  if (v === null || v === undefined) return null
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    count(reasons, 'invalidDuration')
    return null
  }
  if (v < 0) {
    count(reasons, 'negativeDuration')
    return null
  }
  if (v > ABSURD_MINUTES) {
    count(reasons, 'absurdDuration')
    return null
  }
  return v
}

function pairOf(v: unknown, reasons: ReasonCounts): MinutePair {
  if (!isRecord(v)) return { calendar: null, business: null }
  return { calendar: minutes(v.calendar, reasons), business: minutes(v.business, reasons) }
}

function countOf(v: unknown, reasons: ReasonCounts): number | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v
  count(reasons, 'invalidCount')
  return null
}

/**
 * `satisfaction_rating.score` → CsatScore. Numeric scores use the 1–5 mapping of
 * docs/kpi-definitions.md A.3 (4–5 good, 1–3 bad; third-party, not confirmed).
 */
export function normalizeCsat(rating: unknown, reasons: ReasonCounts): CsatScore {
  if (!isRecord(rating)) return 'none'
  const score = rating.score
  if (score === 'good' || score === 'bad' || score === 'offered' || score === 'unoffered') {
    return score
  }
  if (typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 5) {
    return score >= 4 ? 'good' : 'bad'
  }
  count(reasons, 'unknownCsatScore')
  return 'none'
}

function durationsOf(
  metricSet: Obj | undefined,
  reasons: ReasonCounts,
): Record<DurationMetric, MinutePair> {
  const out = {} as Record<DurationMetric, MinutePair>
  for (const m of DURATION_METRICS) {
    out[m] =
      metricSet === undefined
        ? { calendar: null, business: null }
        : pairOf(metricSet[METRIC_FIELDS[m]], reasons)
  }
  // messaging tickets carry the first reply in seconds, calendar only (docs/zendesk-api.md §2.4)
  const seconds = metricSet?.reply_time_in_seconds
  if (out.firstReply.calendar === null && isRecord(seconds)) {
    const s = minutes(seconds.calendar, reasons)
    if (s !== null) out.firstReply = { calendar: s / 60, business: out.firstReply.business }
  }
  return out
}

/**
 * One exported ticket (with its `metric_sets` entry, if any) as a TicketRecord, or null when the
 * record cannot be used (no valid id, no valid `created_at`, unknown status); every rule applied
 * is counted in `reasons`. Never throws.
 *
 * @example
 * normalizeTicket({ id: 1, status: 'open', created_at: '2024-03-04T09:00:00Z', ... }, undefined, reasons)
 * //=> { id: 1, status: 'open', ..., replies: null } and reasons.missingMetricSet === 1
 */
export function normalizeTicket(
  ticket: unknown,
  metricSet: unknown,
  reasons: ReasonCounts,
): TicketRecord | null {
  if (!isRecord(ticket)) {
    count(reasons, 'notAnObject')
    return null
  }
  const id = idOrNull(ticket.id)
  if (id === null) {
    count(reasons, 'invalidId')
    return null
  }
  const createdAt = instant(ticket.created_at)
  if (Number.isNaN(createdAt)) {
    count(reasons, 'invalidCreatedAt')
    return null
  }
  const rawStatus = ticket.status
  if (typeof rawStatus !== 'string' || !STATUSES.has(rawStatus)) {
    count(reasons, 'unknownStatus')
    return null
  }
  const status = rawStatus as TicketStatus
  // the version: updated_at, or generated_timestamp (which also moves on system updates) if later
  let updatedAt = instant(ticket.updated_at)
  const generated =
    typeof ticket.generated_timestamp === 'number' ? ticket.generated_timestamp * 1000 : NaN
  if (Number.isNaN(updatedAt)) {
    count(reasons, 'invalidUpdatedAt')
    updatedAt = Number.isFinite(generated) ? generated : createdAt
  } else if (generated > updatedAt) updatedAt = generated

  const via = isRecord(ticket.via) ? ticket.via.channel : undefined
  const { channel, known } = normalizeChannel(via)
  if (!known) count(reasons, 'unknownChannel')

  const ms = isRecord(metricSet) ? metricSet : undefined
  if (ms === undefined) count(reasons, 'missingMetricSet')
  let solvedAt: number | null = ms === undefined ? null : instant(ms.solved_at)
  if (solvedAt !== null && Number.isNaN(solvedAt)) solvedAt = null
  if (isSolvedStatus(status) && ms !== undefined && solvedAt === null) {
    count(reasons, 'solvedWithoutSolvedAt')
  }
  return {
    id,
    status,
    channel,
    createdAt,
    updatedAt,
    solvedAt,
    requesterId: idOrNull(ticket.requester_id),
    organizationId: idOrNull(ticket.organization_id),
    assigneeId: idOrNull(ticket.assignee_id),
    groupId: idOrNull(ticket.group_id),
    replies: ms === undefined ? null : countOf(ms.replies, reasons),
    reopens: ms === undefined ? null : countOf(ms.reopens, reasons),
    assigneeStations: ms === undefined ? null : countOf(ms.assignee_stations, reasons),
    minutes: durationsOf(ms, reasons),
    csat: normalizeCsat(ticket.satisfaction_rating, reasons),
  }
}
