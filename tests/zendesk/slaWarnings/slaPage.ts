// The SLA poll's answer for one ticket, shared by the tests of the warning's tier.
import type { SlaTicketsPage } from '@/zendesk/slaWarnings'

/**
 * One open ticket (#100 by requester 501, assigned to agent 7, created 2026-10-31 22:30 UTC) whose
 * first reply target breaches at `breachAt`, with its requester, as Zendesk sends it at `serverNow`.
 */
export function oneTicketPage(options: {
  breachAt: number
  serverNow: number
  requester: SlaTicketsPage['users'][number]
  tags?: string[]
}): SlaTicketsPage {
  return {
    tickets: [
      {
        id: 100,
        requester_id: 501,
        assignee_id: 7,
        status: 'open',
        tags: options.tags ?? [],
        created_at: '2026-10-31T22:30:00Z',
        slas: {
          policy_metrics: [
            {
              metric: 'first_reply_time',
              stage: 'active',
              breach_at: new Date(options.breachAt).toISOString(),
            },
          ],
        },
      },
    ],
    users: [options.requester],
    organizations: [],
    serverNow: options.serverNow,
  }
}
