// Deterministic synthetic tickets for the store benchmark: a million tickets over 18 months with
// the mix of statuses, channels, durations, tags and subjects an account has. Only the store's
// speed and size are measured with them, so realism matters less than size and determinism.

import { CHANNELS, DURATION_METRICS } from '@/core'
import type { DurationMetric, MinutePair, TicketRecord } from '@/core'
import { mulberry32 as random } from '../prng'
import type { StoredTicket } from '@/zendesk/store/types'

const DAY = 86_400_000
const SPAN_DAYS = 548
export const SYNTHETIC_END = Date.UTC(2026, 9, 31)
const STATUSES: TicketRecord['status'][] = [
  'solved',
  'closed',
  'closed',
  'open',
  'pending',
  'hold',
  'new',
  'deleted',
]
const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent', null] as const
const TIERS = ['vip_platinum', 'vip_gold', 'vip_silver', 'standard', 'standard', 'standard']
const TOPICS = [
  'Refund for order',
  'Cannot log in to',
  'Invoice question about',
  'Shipping delay on',
  'Upgrade plan for',
]

/**
 * Ticket ids `first` … `first + count - 1` (created in id order over 18 months), deterministic.
 *
 * @example
 * syntheticStoredTickets(1, 1000, 1_000_000).length //=> 1000
 */
export function syntheticStoredTickets(
  first: number,
  count: number,
  total: number,
): StoredTicket[] {
  const next = random(first * 2654435761)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const out: StoredTicket[] = []
  for (let id = first; id < first + count; id++) {
    const createdAt = SYNTHETIC_END - SPAN_DAYS * DAY + Math.floor((id / total) * SPAN_DAYS * DAY)
    const status = pick(STATUSES)
    const solved = status === 'solved' || status === 'closed'
    const resolution = Math.round(30 + next() * 4000)
    const minutes = {} as Record<DurationMetric, MinutePair>
    for (const m of DURATION_METRICS) {
      const v = solved || m === 'firstReply' ? Math.round(next() * resolution) : null
      minutes[m] = { calendar: v, business: v === null ? null : Math.round(v * 0.6) }
    }
    out.push({
      ticket: {
        id,
        status,
        channel: pick(CHANNELS),
        createdAt,
        updatedAt: createdAt + resolution * 60_000,
        solvedAt: solved ? createdAt + resolution * 60_000 : null,
        requesterId: 1_000_000 + Math.floor(next() * total * 0.3),
        organizationId: next() < 0.6 ? 10_000 + Math.floor(next() * 2000) : null,
        assigneeId: 100 + Math.floor(next() * 40),
        groupId: 10 + Math.floor(next() * 5),
        replies: Math.floor(next() * 6),
        reopens: next() < 0.1 ? 1 : 0,
        assigneeStations: 1 + Math.floor(next() * 2),
        minutes,
        csat: pick(['none', 'none', 'offered', 'good', 'good', 'bad'] as const),
      },
      tags: [pick(TIERS), `topic_${Math.floor(next() * 20)}`],
      priority: pick(PRIORITIES),
      subject: `${pick(TOPICS)} #${id}`,
    })
  }
  return out
}
