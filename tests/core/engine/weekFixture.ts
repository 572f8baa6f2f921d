// A hand-computed week (UTC, 2024-03-04 Mon → 2024-03-11) used by the engine tests; the expected
// figures are worked out by hand in engine.test.ts.

import type { SlaEvent, TicketRecord } from '@/core'
import { buildSlaEvent, buildTicket } from '../../support/fixtures/ticketBuilder'

export const WEEK = { from: '2024-03-04', to: '2024-03-11' } as const

export function weekTickets(): TicketRecord[] {
  return [
    buildTicket({
      id: 1,
      created: '2024-03-04T09:15:00Z',
      solved: '2024-03-05T10:00:00Z',
      channel: 'email',
      requesterId: 1,
      minutes: {
        firstReply: 30,
        firstResolution: 1500,
        fullResolution: 1500,
        requesterWait: 1400,
        agentWait: 100,
        onHold: 0,
      },
      business: { firstReply: 20 },
      replies: 1,
      csat: 'good',
      assigneeId: 7,
      groupId: 8,
    }),
    buildTicket({
      id: 2,
      created: '2024-03-04T09:45:00Z',
      solved: '2024-03-06T12:00:00Z',
      status: 'closed',
      channel: 'web',
      minutes: {
        firstReply: 90,
        firstResolution: 600,
        fullResolution: 3000,
        requesterWait: 2000,
        agentWait: 900,
        onHold: 100,
      },
      business: { firstReply: 60 },
      replies: 3,
      reopens: 1,
      assigneeStations: 2,
      csat: 'bad',
      assigneeId: 7,
      groupId: 8,
    }),
    buildTicket({
      id: 3,
      created: '2024-03-05T23:30:00Z',
      channel: 'email',
      csat: 'none',
      assigneeId: 9,
    }),
    buildTicket({
      id: 4,
      created: '2024-03-06T14:00:00Z',
      solved: '2024-03-06T15:00:00Z',
      channel: 'chat',
      minutes: {
        firstReply: 5,
        firstResolution: 60,
        fullResolution: 60,
        requesterWait: 60,
        agentWait: 0,
        onHold: 0,
      },
      replies: 0,
      csat: 'offered',
      assigneeId: 9,
      groupId: 8,
    }),
    buildTicket({
      id: 5,
      created: '2024-02-28T10:00:00Z',
      solved: '2024-03-04T08:00:00Z',
      channel: 'email',
      minutes: {
        firstReply: 2000,
        firstResolution: 7000,
        fullResolution: 7000,
        requesterWait: 5000,
        agentWait: 2000,
        onHold: 200,
      },
      business: { firstReply: 900 },
      replies: 1,
      csat: 'good',
      assigneeId: 9,
      groupId: null,
    }),
    buildTicket({
      id: 6,
      created: '2024-03-07T12:00:00Z',
      solved: '2024-03-07T13:00:00Z',
      status: 'deleted',
      minutes: { firstReply: 1, fullResolution: 60 },
      csat: 'good',
      assigneeId: 7,
    }),
    buildTicket({
      id: 7,
      created: '2024-03-10T23:59:00Z',
      solved: '2024-03-11T01:00:00Z',
      channel: 'email',
      minutes: { firstReply: 61, fullResolution: 61 },
    }),
    buildTicket({ id: 8, created: '2024-03-01T00:00:00Z', channel: 'api' }),
  ]
}

export function weekSlaEvents(): SlaEvent[] {
  return [
    buildSlaEvent({ ticketId: 1, type: 'apply_sla', at: '2024-03-04T09:15:00Z' }),
    buildSlaEvent({ ticketId: 1, type: 'fulfill', at: '2024-03-04T09:45:00Z' }),
    buildSlaEvent({ ticketId: 2, type: 'apply_sla', at: '2024-03-04T09:45:00Z' }),
    buildSlaEvent({ ticketId: 2, type: 'breach', at: '2024-03-04T10:45:00Z' }),
    buildSlaEvent({ ticketId: 2, type: 'fulfill', at: '2024-03-04T11:15:00Z' }),
    buildSlaEvent({
      ticketId: 4,
      metric: 'next_reply_time',
      instanceId: 2,
      type: 'apply_sla',
      at: '2024-03-06T14:10:00Z',
    }),
    buildSlaEvent({
      ticketId: 4,
      metric: 'next_reply_time',
      instanceId: 2,
      type: 'breach',
      deleted: true,
      at: '2024-03-06T14:20:00Z',
    }),
    buildSlaEvent({
      ticketId: 4,
      metric: 'next_reply_time',
      instanceId: 2,
      type: 'fulfill',
      at: '2024-03-06T14:30:00Z',
    }),
    buildSlaEvent({ ticketId: 3, type: 'apply_sla', at: '2024-03-05T23:30:00Z' }),
    buildSlaEvent({ ticketId: 6, type: 'apply_sla', at: '2024-03-07T12:00:00Z' }),
    buildSlaEvent({ ticketId: 6, type: 'fulfill', at: '2024-03-07T12:01:00Z' }),
    buildSlaEvent({ ticketId: 5, type: 'apply_sla', at: '2024-02-28T10:00:00Z' }),
    buildSlaEvent({ ticketId: 5, type: 'breach', at: '2024-03-01T10:00:00Z' }),
  ]
}
