// The one interface the dashboard reads reports through. Today the background's live engine
// answers over ZAF instance messaging; a server can later answer the same calls.

import type { Figure, KpiReport, ReportRange, RetentionReport } from '@/core'

/** A ticket behind a figure, as a drill-down list shows it. */
export interface DrillTicket {
  id: number
  subject: string
  requesterId: number | null
  requesterName: string | null
  tier: string
  status: string
  /** The figure's own value for this ticket (minutes, a count, a rating …); null if none. */
  value: number | null
}

/** What the report source knows about its data, for the dashboard's status line. */
export interface ReportSourceStatus {
  tickets: number
  /** False during the first sync: figures are partial. */
  complete: boolean
  /** Epoch ms of the last committed page; null before any. */
  updatedAt: number | null
  source: 'incremental' | 'search-fallback' | null
  slaAvailable: boolean
  /** Epoch ms of the latest creation or solve in the data (KpiEngine.dataExtent().last); presets end on its day. */
  latestActivityAt?: number | null
  /** During the first sync: tickets the account has in all (search count) and ms left; null if unknown. */
  totalTickets?: number | null
  etaMs?: number | null
  /**
   * In a tab that does not lead the sync: epoch ms of the earliest change committed by another
   * tab that these figures do not have yet (they reload from the store at most every 30 s);
   * null or absent when they are current.
   */
  behindSince?: number | null
}

/** Display names by id, for the tables (ids the source does not know are left out). */
export interface NameLookup {
  users: Record<number, string>
  groups: Record<number, string>
}

/** A retention report in a form that crosses postMessage (no Maps). */
export type RetentionReportData = Omit<RetentionReport, 'backlog'>

export interface ReportSource {
  /** The KPI report of `range` (and its previous period), split by `segments` (e.g. 'tier'). */
  report(range: ReportRange, options?: { segments?: 'tier' }): Promise<KpiReport>
  /** The retention analytics as of the end of `range`. */
  retention(range: ReportRange): Promise<RetentionReportData>
  /** The tickets behind one figure, at most `limit` (default 500), and how many there are. */
  drillDown(figure: Figure, limit?: number): Promise<{ total: number; tickets: DrillTicket[] }>
  status(): Promise<ReportSourceStatus>
  /** Names of agents, customers and groups; optional so older sources still type-check. */
  names?(ids: { users?: number[]; groups?: number[] }): Promise<NameLookup>
}
