import { retentionForRange, valueModelSettings } from '@/core'
import { DERIVED_MAX_AGE_MS, accountReportSource } from '@/zendesk/report'
import type { ReportSource } from '@/zendesk/report'
import { parseSettings } from '@/zendesk/settings'
import { applyChange } from '@/zendesk/store'
import type { LoadedAccount } from '@/zendesk/store'

import { buildTicket, resetIds } from '../../support/fixtures/ticketBuilder'
import { change, memoryAccount, storedTicket, storedUser } from './memoryAccount'

const NOW = Date.parse('2026-11-15T00:00:00Z')
const october = { from: '2026-10-01', to: '2026-11-01', timeZone: 'UTC' }

// Threshold tiers so every requester's tier is known: platinum ≥ 50,000, gold ≥ 10,000, silver ≥ 2,000.
const { settings } = parseSettings({ tierMode: 'threshold', valueField: 'lifetime_value' })

/** Requester 1 platinum (2 tickets), 2 gold (1), 3 standard (3) in October; 1 ticket in September. */
function account(): LoadedAccount {
  resetIds(1)
  const users = [
    storedUser(1, { name: 'Pat Platinum', fields: { lifetime_value: 60_000 } }),
    storedUser(2, { name: 'Gil Gold', fields: { lifetime_value: 12_000 } }),
    storedUser(3, { name: 'Sam Standard', fields: { lifetime_value: 100 } }),
    storedUser(50, { name: 'Agent Ada', role: 'agent' }),
  ]
  const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T10:00:00Z`
  const tickets = [
    buildTicket({ requesterId: 1, created: at(2), solved: at(3), assigneeId: 50, groupId: 7 }),
    buildTicket({ requesterId: 1, created: at(5) }),
    buildTicket({ requesterId: 2, created: at(6), solved: at(7) }),
    buildTicket({ requesterId: 3, created: at(8) }),
    buildTicket({ requesterId: 3, created: at(9), channel: 'web' }),
    buildTicket({ requesterId: 3, created: at(10), solved: at(12) }),
    buildTicket({ requesterId: 3, created: '2026-09-20T10:00:00Z' }),
  ].map((t) => storedTicket(t))
  return memoryAccount({ tickets, users, groups: [{ id: 7, name: 'Billing' }] })
}

function source(
  a: LoadedAccount | null,
  extra: Partial<Parameters<typeof accountReportSource>[0]> = {},
): ReportSource {
  return accountReportSource({ getAccount: () => a, settings, now: () => NOW, ...extra })
}

describe('accountReportSource', () => {
  it('reports the range from the live engine', async () => {
    const report = await source(account()).report(october)
    expect(report.tickets.created).toBe(6)
    expect(report.tickets.solved).toBe(3)
    expect(report.previous.tickets.created).toBe(1)
    expect(report.segments).toBeUndefined()
  })

  it("splits by the requesters' tiers", async () => {
    const report = await source(account()).report(october, { segments: 'tier' })
    const created = Object.fromEntries(
      Object.entries(report.segments ?? {}).map(([tier, r]) => [tier, r.tickets.created]),
    )
    expect(created).toEqual({ platinum: 2, gold: 1, standard: 3 })
  })

  it('gives the retention analytics as of the range end, without Maps', async () => {
    const a = account()
    const retention = await source(a).retention(october)
    const expected = retentionForRange({
      profiles: a.profiles().values(),
      tickets: [...a.tickets()],
      range: october,
      settings: valueModelSettings(settings),
      now: NOW,
    })
    expect(retention).toEqual(expected)
    expect(JSON.parse(JSON.stringify(retention))).toEqual(retention)
  })

  it('follows the account after a commit: figures at once, tiers and retention within minutes', async () => {
    const a = account()
    let version = 1
    let now = NOW
    const s = source(a, { version: () => version, now: () => now })
    const before = await s.report(october, { segments: 'tier' })
    expect(before.segments?.gold?.tickets.created).toBe(1)
    const customersBefore = (await s.retention(october)).customers
    // a new customer of gold value writes in
    applyChange(
      a,
      change({
        users: [storedUser(4, { fields: { lifetime_value: 20_000 } })],
        tickets: [storedTicket(buildTicket({ requesterId: 4, created: '2026-10-20T10:00:00Z' }))],
      }),
    )
    version = 2
    const soon = await s.report(october, { segments: 'tier' })
    expect(soon.tickets.created).toBe(7)
    // the tier map is a minute old: the new requester is not in it yet, so counts as standard
    expect(soon.segments?.gold?.tickets.created).toBe(1)
    expect(soon.segments?.standard?.tickets.created).toBe(4)
    expect((await s.retention(october)).customers).toBe(customersBefore)
    now += DERIVED_MAX_AGE_MS
    const later = await s.report(october, { segments: 'tier' })
    expect(later.segments?.gold?.tickets.created).toBe(2)
    expect((await s.retention(october)).customers).toBe(customersBefore + 1)
  })

  it('recomputes tiers and retention at once when the first sync catches up', async () => {
    const a = account()
    let version = 1
    let complete = false
    const sync = () => ({
      complete,
      updatedAt: NOW,
      source: 'incremental' as const,
      slaAvailable: true,
    })
    const s = source(a, { version: () => version, sync })
    const customersBefore = (await s.retention(october)).customers
    // the last page of the first sync brings a new customer, a second later
    applyChange(
      a,
      change({
        users: [storedUser(4, { fields: { lifetime_value: 20_000 } })],
        tickets: [storedTicket(buildTicket({ requesterId: 4, created: '2026-10-20T10:00:00Z' }))],
      }),
    )
    version = 2
    complete = true
    expect((await s.retention(october)).customers).toBe(customersBefore + 1)
    expect((await s.report(october, { segments: 'tier' })).segments?.gold?.tickets.created).toBe(2)
  })

  it('recomputes everything at once with a zero max age', async () => {
    const a = account()
    let version = 1
    const s = source(a, { version: () => version, derivedMaxAgeMs: 0 })
    await s.report(october, { segments: 'tier' })
    applyChange(
      a,
      change({
        tickets: [storedTicket(buildTicket({ requesterId: 2, created: '2026-10-20T10:00:00Z' }))],
      }),
    )
    version = 2
    expect((await s.report(october, { segments: 'tier' })).segments?.gold?.tickets.created).toBe(2)
  })

  it('lists the tickets behind a tier figure with subject, requester, tier and status', async () => {
    const drill = await source(account()).drillDown({
      range: october,
      tier: 'platinum',
      select: { kind: 'kpi', kpi: 'created' },
    })
    expect(drill.total).toBe(2)
    expect(drill.tickets.map((t) => [t.id, t.subject, t.requesterName, t.tier, t.status])).toEqual([
      [1, 'Ticket 1', 'Pat Platinum', 'platinum', 'solved'],
      [2, 'Ticket 2', 'Pat Platinum', 'platinum', 'open'],
    ])
  })

  it('counts every ticket behind a figure but lists at most the limit', async () => {
    const figure = { range: october, select: { kind: 'channel', channel: 'email' } } as const
    const s = source(account())
    const report = await s.report(october)
    const drill = await s.drillDown(figure, 2)
    expect(drill.total).toBe(report.tickets.byChannel.email)
    expect(drill.tickets).toHaveLength(2)
    expect((await s.drillDown(figure, 0)).tickets).toEqual([])
  })

  it('names agents, customers and groups it knows', async () => {
    await expect(
      source(account()).names?.({ users: [1, 50, 999], groups: [7, 8] }),
    ).resolves.toEqual({
      users: { 1: 'Pat Platinum', 50: 'Agent Ada' },
      groups: { 7: 'Billing' },
    })
  })

  it('reports the sync status with the data extent', async () => {
    const s = source(account(), {
      sync: () => ({
        complete: false,
        updatedAt: 5,
        source: 'incremental',
        slaAvailable: true,
        etaMs: 60_000,
        behindSince: 3,
      }),
    })
    await expect(s.status()).resolves.toEqual({
      tickets: 7,
      complete: false,
      updatedAt: 5,
      source: 'incremental',
      slaAvailable: true,
      latestActivityAt: Date.parse('2026-10-12T10:00:00Z'),
      totalTickets: null,
      etaMs: 60_000,
      behindSince: 3,
    })
  })

  it('says the data is still loading before the account is there', async () => {
    await expect(source(null).report(october)).rejects.toMatchObject({ code: 'not-ready' })
  })

  it('refuses a malformed range as a bad request', async () => {
    await expect(
      source(account()).report({ from: '2026-10-01', to: 'soon' }, { segments: 'tier' }),
    ).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('soon') as unknown,
    })
  })
})
