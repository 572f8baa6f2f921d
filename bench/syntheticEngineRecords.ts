// Seeded synthetic engine records shaped like the demo account's (18 months, five channels,
// lognormal durations, 90 % solved), for the benchmarks that need a million tickets without the
// simulator. Every KPI has data: solved tickets are closed four days after solving (Zendesk's
// default automation), about one in five is reassigned, and surveys go out on 60 % of the solved
// tickets, 45 % of them answered.
import type { Channel, CsatScore, TicketRecord } from '@/core'
import { DAY_MS } from '@/core'

import { mulberry32 } from './prng'

export interface SyntheticOptions {
  tickets: number
  /** Epoch ms of the last creation day; also "now" for the closing of solved tickets. */
  end: number
  seed: number
  /** Requester ids are 1..requesters. */
  requesters: number
  /** Agent ids are 100..100+agents-1, group ids 10..10+groups-1. */
  agents: number
  groups: number
}

const CHANNELS: readonly Channel[] = ['email', 'web', 'api', 'chat', 'messaging']
/** Zendesk's default automation closes a ticket this long after it was solved. */
const CLOSE_AFTER_MS = 4 * DAY_MS

/**
 * `options.tickets` engine records created over the 540 days before `end`, in creation order, the
 * same sequence for the same options.
 *
 * @example
 * [...syntheticEngineRecords({ tickets: 2, end, seed: 7, requesters: 10, agents: 2, groups: 1 })].length //=> 2
 */
export function* syntheticEngineRecords(options: SyntheticOptions): Generator<TicketRecord> {
  const { tickets, end } = options
  const rnd = mulberry32(options.seed)
  const start = end - 540 * DAY_MS
  const logn = (median: number): number => Math.round(median * Math.exp((rnd() - 0.5) * 3))
  const none = { calendar: null, business: null }
  const pair = (v: number) => ({ calendar: v, business: Math.round(v * 0.4) })
  for (let i = 0; i < tickets; i++) {
    const createdAt = start + Math.floor((i / tickets) * 539 * DAY_MS + rnd() * DAY_MS)
    const solved = rnd() < 0.9
    const full = logn(1500)
    const solvedAt = solved ? createdAt + full * 60_000 : null
    const closed = solvedAt !== null && solvedAt + CLOSE_AFTER_MS <= end
    // a survey only on solved tickets; unanswered ones stay `offered`
    let csat: CsatScore = 'unoffered'
    if (solved && rnd() < 0.6) csat = rnd() < 0.45 ? (rnd() < 0.85 ? 'good' : 'bad') : 'offered'
    yield {
      id: i + 1,
      status: closed ? 'closed' : solved ? 'solved' : 'open',
      channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)] ?? 'email',
      createdAt,
      updatedAt: createdAt + full * 60_000,
      solvedAt,
      requesterId: 1 + Math.floor(rnd() * options.requesters),
      organizationId: null,
      assigneeId: 100 + Math.floor(rnd() * options.agents),
      groupId: 10 + Math.floor(rnd() * options.groups),
      replies: Math.floor(rnd() * 4),
      reopens: rnd() < 0.05 ? 1 : 0,
      assigneeStations: 1 + Math.floor(rnd() * 1.3),
      minutes: {
        firstReply: rnd() < 0.97 ? pair(logn(120)) : none,
        firstResolution: solved ? pair(Math.min(full, logn(1000))) : none,
        fullResolution: solved ? pair(full) : none,
        requesterWait: solved ? pair(Math.round(full * 0.8)) : none,
        agentWait: solved ? pair(Math.round(full * 0.1)) : none,
        onHold: solved ? pair(0) : none,
      },
      csat,
    }
  }
}
