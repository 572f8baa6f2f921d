// The dashboard's retention views must equal `npm run kpi -- --retention` on the same account. The
// app reads the account through the team sync (the API's pages and sideloads); the command reads
// the export file. They differed by a few customers whose only ticket was deleted: the API does
// not sideload the users of deleted tickets, so the app had no profile (no last order date) for
// them, and the analytics still counted the deleted ticket as a contact, by channel and by agent.
import 'fake-indexeddb/auto'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { generateExportPages } from '@sim/export'

import { retentionForRange, valueModelSettings } from '@/core'
import type { RetentionRangeReport } from '@/core'
import { createZendeskClient } from '@/zendesk/api'
import { customerDataset } from '@/zendesk/customers'
import { joinProfiles } from '@/zendesk/customers/profiles'
import { createGovernor, createVirtualTimer } from '@/zendesk/governor'
import { accountReportSource } from '@/zendesk/report/accountReportSource'
import type { RetentionReportData } from '@/zendesk/report/types'
import { DEFAULT_SETTINGS } from '@/zendesk/settings'
import { loadAccount, openAccountStore } from '@/zendesk/store'
import { createTeamSync } from '@/zendesk/sync'

import { buildTicket, resetIds } from '../../support/fixtures/ticketBuilder'
import { createSimTransport } from '../support/simTransport'
import { memoryAccount, storedTicket, storedUser } from './memoryAccount'

jest.setTimeout(120_000)

const RANGE = { from: '2026-10-02', to: '2026-11-01', timeZone: 'UTC' }
const SETTINGS = valueModelSettings(DEFAULT_SETTINGS)

/** The figures the dashboard shows from a retention report (what carries data-kpi). */
function onScreen(r: RetentionReportData | RetentionRangeReport) {
  return {
    byChannel: r.byChannel,
    byAgent: r.byAgent,
    byResolution: r.byResolution,
    topCustomers: r.topCustomers,
    revenueAtRisk: r.revenueAtRisk,
  }
}

describe('retention on the dashboard and in the kpi command', () => {
  it('leaves out a deleted ticket whose requester the app never received', async () => {
    resetIds(1)
    const agent = 10_000_100
    // Customer 1: one email ticket, solved, still active. Customer 2: one chat ticket that was
    // deleted; their last order (on their profile) is recent, so with the profile they look retained.
    const kept = buildTicket({
      requesterId: 1,
      assigneeId: agent,
      channel: 'email',
      created: '2026-06-01T09:00:00Z',
      solved: '2026-06-01T12:00:00Z',
      minutes: { fullResolution: 180 },
    })
    const deleted = buildTicket({
      requesterId: 2,
      assigneeId: agent,
      channel: 'chat',
      created: '2026-05-01T09:00:00Z',
      status: 'deleted',
    })
    const lastOrder = { fields: { last_order_at: '2026-10-20T10:00:00Z' } }
    // The command: the export file sideloads both requesters.
    const fileUsers = [storedUser(1, lastOrder), storedUser(2, lastOrder)]
    const command = retentionForRange({
      profiles: joinProfiles(fileUsers, new Map()).values(),
      tickets: [kept, deleted].map((t) => storedTicket(t)),
      range: RANGE,
      settings: SETTINGS,
    })
    // The app: the API sideloads no users for a deleted ticket.
    const account = memoryAccount({
      tickets: [storedTicket(kept), storedTicket(deleted)],
      users: [storedUser(1, lastOrder)],
    })
    const source = accountReportSource({ getAccount: () => account, settings: DEFAULT_SETTINGS })
    const app = await source.retention(RANGE)

    expect(onScreen(app)).toEqual(onScreen(command))
    // A deleted ticket is no contact: no channel and no agent of its own.
    expect(app.byChannel.map((g) => g.key)).toEqual(['email'])
    expect(app.byAgent).toEqual([expect.objectContaining({ key: agent, customers: 1 })])
  })

  it('gives the same figures from the synced store as from the export file', async () => {
    // seed 3 has customers whose only ticket is deleted, old enough to be judged
    const tickets = 3000
    const seed = 3
    const sim = createSimAccount({ tickets, seed })
    const timer = createVirtualTimer(sim.clock.now())
    const transport = createSimTransport(createSimCore(sim, { rateLimits: false }))
    const client = createZendeskClient(createGovernor(transport, { timer }))
    const db = await openAccountStore('retention-parity')
    try {
      const progress = await createTeamSync({ client, db, timer }).runOnce()
      expect(progress.caughtUp).toBe(true)
      const account = await loadAccount(db)
      const app = await accountReportSource({
        getAccount: () => account,
        settings: DEFAULT_SETTINGS,
      }).retention(RANGE)

      const file = customerDataset(generateExportPages({ tickets, seed }))
      const command = retentionForRange({
        profiles: file.profiles.values(),
        tickets: file.tickets,
        range: RANGE,
        settings: SETTINGS,
      })
      expect(app.byChannel.length).toBeGreaterThan(3)
      expect(app.byAgent.length).toBeGreaterThan(3)
      expect(onScreen(app)).toEqual(onScreen(command))
    } finally {
      db.close()
    }
  })
})
