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

/**
 * KPIs that count solved tickets meeting a rule, with their rate over solved tickets: one-touch
 * (fewer than 2 agent replies), reopened (reopens > 0), reassigned (more than one assignee).
 */
export const RATE_KPIS = ['oneTouch', 'reopened', 'reassigned'] as const
export type RateKpiName = (typeof RATE_KPIS)[number]

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

/** Bands of the full resolution time distribution (calendar minutes of solved tickets). */
export const RESOLUTION_TIME_BUCKETS = [
  '<1h',
  '1-4h',
  '4-8h',
  '8-24h',
  '1-2d',
  '2-7d',
  '>7d',
] as const
export type ResolutionTimeBucket = (typeof RESOLUTION_TIME_BUCKETS)[number]

/**
 * Each resolution band with its bounds in minutes, `fromMinutes` inclusive, `toMinutes` exclusive
 * (null: open): one working shift apart at the short end, days apart at the long tail.
 */
export const RESOLUTION_TIME_BANDS: readonly {
  bucket: ResolutionTimeBucket
  fromMinutes: number
  toMinutes: number | null
}[] = [
  { bucket: '<1h', fromMinutes: 0, toMinutes: 60 },
  { bucket: '1-4h', fromMinutes: 60, toMinutes: 240 },
  { bucket: '4-8h', fromMinutes: 240, toMinutes: 480 },
  { bucket: '8-24h', fromMinutes: 480, toMinutes: 1440 },
  { bucket: '1-2d', fromMinutes: 1440, toMinutes: 2880 },
  { bucket: '2-7d', fromMinutes: 2880, toMinutes: 10080 },
  { bucket: '>7d', fromMinutes: 10080, toMinutes: null },
]

/** Full resolution times, plus how many solved tickets fall in each band of `RESOLUTION_TIME_BANDS`. */
export interface ResolutionKpi extends DurationKpi {
  buckets: Record<ResolutionTimeBucket, number>
}

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

/** The report key of each duration metric: `firstReply` → `firstReplyMinutes`. */
export type DurationKpiName = `${DurationMetric}Minutes`

/**
 * Every KPI of one period. The rate and duration KPIs follow their lists (`RATE_KPIS`,
 * `DURATION_METRICS`); the engine computes them from one definition each (engine/kpis.ts).
 */
export interface PeriodReport
  extends Record<RateKpiName, RateKpi>, Record<DurationKpiName, DurationKpi> {
  period: PeriodInfo
  tickets: TicketVolume
  fullResolutionMinutes: ResolutionKpi
  csat: CsatKpi
  sla: SlaKpi
  firstReplyBuckets: Partial<Record<Channel, Record<FirstReplyBucket, number>>>
  agents: TeamMemberKpis[]
  groups: TeamMemberKpis[]
}

/** Rules of the data layer's normaliser that drop a record (it is read but not held). */
export const SKIP_REASONS = [
  'invalidId',
  'invalidCreatedAt',
  'unknownStatus',
  'notAnObject',
] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

/** Rules of the normaliser that repair a field and keep the record. */
export const REPAIR_REASONS = [
  'missingMetricSet',
  'unknownChannel',
  'negativeDuration',
  'absurdDuration',
  'invalidDuration',
  'invalidCount',
  'invalidUpdatedAt',
  'solvedWithoutSolvedAt',
  'unknownCsatScore',
  'invalidSlaEvent',
] as const
export type RepairReason = (typeof REPAIR_REASONS)[number]

/** Rules of the engine itself (`invalidRecord`, `duplicateId`) and of reading a dataset's pages. */
export const INTAKE_REASONS = [
  'invalidRecord',
  'duplicateId',
  'pageOutOfOrder',
  'truncatedLastLine',
  'missingEndOfStream',
] as const
export type IntakeReason = (typeof INTAKE_REASONS)[number]

/** Every data-quality rule `KpiEngine.note` counts, each documented in docs/metrics.md. */
export type DataQualityReason = SkipReason | RepairReason | IntakeReason

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
