// The requester's history as the sidebar lists it: counts, the last tickets and the CSAT trend.

import type { CsatScore, TicketStatus } from '@/core'
import type { RequesterHistory } from '@/zendesk/history'

/** Tickets listed in the sidebar's history. */
export const LAST_TICKETS = 5
/** Rated tickets in each half of the CSAT trend (the latest ones against the ones before). */
export const CSAT_WINDOW = 5

export type HistoryTicket = {
  id: number
  subject: string
  status: TicketStatus
  csat: CsatScore
  createdAt: number
}

export type CsatTrend = {
  /** Good share of the latest rated tickets (0..1); null without ratings. */
  recent: number | null
  /** Good share of the rated tickets before those; null when there were none. */
  previous: number | null
  rated: number
  /** `recent`: ratings, but none earlier to compare with. */
  direction: 'up' | 'down' | 'steady' | 'recent' | 'none'
}

export type HistorySummary = {
  totalTickets: number
  /** True when the counts below cover every ticket (not only the newest 100). */
  complete: boolean
  /** The requester's creation, else their first ticket; null when neither is known. */
  customerSince: number | null
  /** Unsolved tickets (new, open, pending, on hold), the open one included. */
  openTickets: number
  /** The newest tickets other than the open one, newest first. */
  lastTickets: HistoryTicket[]
  csat: CsatTrend
}

const UNSOLVED = new Set<TicketStatus>(['new', 'open', 'pending', 'hold'])

function goodShare(scores: readonly CsatScore[]): number | null {
  if (scores.length === 0) return null
  return scores.filter((s) => s === 'good').length / scores.length
}

function trendOf(history: RequesterHistory): CsatTrend {
  const rated = history.tickets
    .filter((t) => t.csat === 'good' || t.csat === 'bad')
    .map((t) => t.csat)
  const recent = goodShare(rated.slice(0, CSAT_WINDOW))
  const previous = goodShare(rated.slice(CSAT_WINDOW, CSAT_WINDOW * 2))
  const direction =
    recent === null
      ? 'none'
      : previous === null
        ? 'recent'
        : Math.abs(recent - previous) < 0.1
          ? 'steady'
          : recent > previous
            ? 'up'
            : 'down'
  return { recent, previous, rated: rated.length, direction }
}

/**
 * Counts, the last five other tickets and the CSAT trend of a requester's history (newest first).
 * A new customer has zero tickets besides this one and no trend.
 *
 * @example
 * historySummary(history, 123).openTickets //=> 2
 */
export function historySummary(history: RequesterHistory, openTicketId: number): HistorySummary {
  const subjects = new Map(history.stored.map((s) => [s.ticket.id, s.subject]))
  const firstTicket = history.tickets.reduce<number | null>(
    (min, t) => (min === null || t.createdAt < min ? t.createdAt : min),
    null,
  )
  const created = history.requester?.createdAt ?? null
  return {
    totalTickets: Math.max(history.totalTickets, history.tickets.length),
    complete: history.complete,
    customerSince:
      created !== null && firstTicket !== null
        ? Math.min(created, firstTicket)
        : (created ?? firstTicket),
    openTickets: history.tickets.filter((t) => UNSOLVED.has(t.status)).length,
    lastTickets: history.tickets
      .filter((t) => t.id !== openTicketId && t.status !== 'deleted')
      .slice(0, LAST_TICKETS)
      .map((t) => ({
        id: t.id,
        subject: subjects.get(t.id) ?? '',
        status: t.status,
        csat: t.csat,
        createdAt: t.createdAt,
      })),
    csat: trendOf(history),
  }
}
