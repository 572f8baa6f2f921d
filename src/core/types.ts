// Domain types of the KPI engine. Lists are `as const` arrays with derived unions (no enums).

// TYPES: tickets

/** Ticket status categories as the incremental export returns them, plus `deleted` [Z-EXP]. */
export const TICKET_STATUSES = [
  'new',
  'open',
  'pending',
  'hold',
  'solved',
  'closed',
  'deleted',
] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

/**
 * Channels after normalisation of `via.channel` (string or integer via id); anything unknown is
 * bucketed as `other` (docs/zendesk-api.md §2.2).
 */
export const CHANNELS = [
  'email',
  'web',
  'api',
  'chat',
  'messaging',
  'voice',
  'mobile',
  'twitter',
  'facebook',
  'rule',
  'system',
  'other',
] as const
export type Channel = (typeof CHANNELS)[number]

/** Satisfaction rating state of a ticket; numeric scales are mapped to good/bad before this. */
export const CSAT_SCORES = ['none', 'unoffered', 'offered', 'good', 'bad'] as const
export type CsatScore = (typeof CSAT_SCORES)[number]

/** The six native duration metrics of a ticket metric set [Z-DUR], in report order. */
export const DURATION_METRICS = [
  'firstReply',
  'firstResolution',
  'fullResolution',
  'requesterWait',
  'agentWait',
  'onHold',
] as const
export type DurationMetric = (typeof DURATION_METRICS)[number]

/** A calendar/business minute pair; `null` means "not yet" and is never 0 [Z-DUR]. */
export interface MinutePair {
  calendar: number | null
  business: number | null
}

/**
 * One ticket as the engine holds it: the ticket, its metric set and its satisfaction rating,
 * normalised once by the data layer. Times are epoch milliseconds (UTC instants).
 */
export interface TicketRecord {
  id: number
  status: TicketStatus
  channel: Channel
  createdAt: number
  /** Newest version wins on upsert (pages may arrive in any order). */
  updatedAt: number
  /** `metric_set.solved_at`; null when unknown or never solved. */
  solvedAt: number | null
  requesterId: number | null
  organizationId: number | null
  assigneeId: number | null
  groupId: number | null
  /** Public agent replies (`metric_set.replies`); null when the metric set is missing. */
  replies: number | null
  reopens: number | null
  assigneeStations: number | null
  minutes: Record<DurationMetric, MinutePair>
  csat: CsatScore
}

// TYPES: SLA

/** Ticket metric event types [Z-SLA-EV]. */
export const SLA_EVENT_TYPES = [
  'activate',
  'pause',
  'fulfill',
  'apply_sla',
  'apply_group_sla',
  'breach',
  'update_status',
  'measure',
] as const
export type SlaEventType = (typeof SLA_EVENT_TYPES)[number]

/** SLA metrics as reported; `reply_time` instance 1 is `first_reply_time`, later ones `next_reply_time`. */
export const SLA_METRICS = [
  'first_reply_time',
  'next_reply_time',
  'agent_work_time',
  'pausable_update_time',
  'periodic_update_time',
  'requester_wait_time',
  'resolution_time',
  'group_ownership_time',
] as const
export type SlaMetric = (typeof SLA_METRICS)[number]

/** One ticket metric event, normalised (time in epoch ms). */
export interface SlaEvent {
  id: number
  ticketId: number
  metric: SlaMetric
  instanceId: number
  type: SlaEventType
  time: number
  deleted: boolean
}

// TYPES: report

/** Count, mean, median and p90 over non-null values; statistics are null when count is 0. */
export interface DurationStats {
  count: number
  mean: number | null
  median: number | null
  p90: number | null
}

/** Calendar statistics, the business-minute ones, and the anchored tickets still pending (null). */
export interface DurationKpi extends DurationStats {
  pending: number
  business: DurationStats
}

/** A count and its rate over solved tickets (null with no solved tickets). */
export interface RateKpi {
  count: number
  rate: number | null
}

export interface CsatKpi {
  good: number
  bad: number
  /** Surveys sent: good + bad + offered-but-unanswered. */
  offered: number
  score: number | null
  responseRate: number | null
}

export interface SlaStats {
  achieved: number
  breached: number
  rate: number | null
}

export interface SlaKpi {
  overall: SlaStats
  byMetric: Partial<Record<SlaMetric, SlaStats>>
}

/** Per agent or per group; `id` null is the unassigned bucket. */
export interface TeamMemberKpis {
  id: number | null
  solved: number
  firstReplyMinutesMedian: number | null
  fullResolutionMinutesMedian: number | null
  oneTouchRate: number | null
  csatScore: number | null
}

export const FIRST_REPLY_BUCKETS = ['<1h', '1-2h', '2-6h', '6-12h', '12-24h', '>24h'] as const
export type FirstReplyBucket = (typeof FIRST_REPLY_BUCKETS)[number]

export interface PeriodInfo {
  from: string
  to: string
  timezone: string
}

export interface TicketVolume {
  created: number
  solved: number
  unsolvedAtEnd: number
  byChannel: Partial<Record<Channel, number>>
  byDay: Record<string, number>
  /** 7 × 24, Monday first, hours in the report's time zone. */
  byWeekdayHour: number[][]
}

/** Every KPI of one period. */
export interface PeriodReport {
  period: PeriodInfo
  tickets: TicketVolume
  firstReplyMinutes: DurationKpi
  firstResolutionMinutes: DurationKpi
  fullResolutionMinutes: DurationKpi
  requesterWaitMinutes: DurationKpi
  agentWaitMinutes: DurationKpi
  onHoldMinutes: DurationKpi
  oneTouch: RateKpi
  reopened: RateKpi
  reassigned: RateKpi
  csat: CsatKpi
  sla: SlaKpi
  firstReplyBuckets: Partial<Record<Channel, Record<FirstReplyBucket, number>>>
  agents: TeamMemberKpis[]
  groups: TeamMemberKpis[]
}

export interface DataQuality {
  /** Ticket records read (every occurrence, duplicates included). */
  records: number
  /** Records that are not held: rejected as invalid, or older versions of a held ticket. */
  skipped: number
  /** Count per documented rule (see docs/metrics.md), whether the record was skipped or repaired. */
  reasons: Record<string, number>
}

/** The report of a period, the previous period of equal length, and segment splits. */
export interface KpiReport extends PeriodReport {
  previous: PeriodReport
  segments?: Record<string, PeriodReport>
  dataQuality: DataQuality
}

/** A report range: local dates (YYYY-MM-DD) in an IANA time zone; `to` is exclusive. */
export interface ReportRange {
  from: string
  to: string
  timeZone?: string
}

/** Which id the caller's segment map is keyed by. */
export const SEGMENT_KEYS = ['requester', 'organization', 'ticket'] as const
export type SegmentKey = (typeof SEGMENT_KEYS)[number]

export interface SegmentOptions {
  by: SegmentKey
  /** id → segment name; tickets whose id is missing go to `fallback` (default `'other'`). */
  map: ReadonlyMap<number, string>
  fallback?: string
}

export interface ReportOptions {
  segments?: SegmentOptions
}
