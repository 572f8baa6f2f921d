import { screen, within } from '@testing-library/react'

import { AdminStatus } from '@/ui/dashboard/AdminStatus'
import { adminStatus } from '@/ui/dashboard/model/adminStatus'
import type { BackgroundStatus } from '@/zendesk/leader/backgroundStatus'
import { syncStatusKey } from '@/zendesk/leader/syncStatus'

import { renderInZendesk } from '../../support/render'

const NOW = Date.parse('2026-10-31T12:00:00Z')

const STATUS: BackgroundStatus = {
  leader: { tabId: 'tab-7f3a', since: NOW - 90_000, expiresAt: NOW + 30_000, mode: 'web-locks' },
  sync: {
    tabId: 'tab-7f3a',
    at: NOW - 2_000,
    pagesDone: 14,
    lastPageAt: NOW - 12_500,
    caughtUp: false,
    errors: [
      { message: 'Zendesk answered 429 (rate limited)', at: NOW - 60_000 },
      { message: 'The browser storage is full', at: NOW - 600_000 },
    ],
  },
  budget: { used: 21, sync: 15, interactive: 6, budget: 70, pausedUntil: NOW + 30_000 },
  shared: true,
}

describe('adminStatus', () => {
  it('turns the shared status into whole seconds and the share of the budget', () => {
    expect(adminStatus(STATUS, NOW)).toEqual({
      leader: { tabId: 'tab-7f3a', tabLabel: 'tab-7f3a', since: NOW - 90_000, secondsLeading: 90 },
      pages: 14,
      lastPageAt: NOW - 12_500,
      lastPageSecondsAgo: 12,
      caughtUp: false,
      errors: STATUS.sync?.errors,
      budget: {
        used: 21,
        sync: 15,
        interactive: 6,
        limit: 70,
        share: 0.3,
        pausedUntil: NOW + 30_000,
      },
      shared: true,
    })
  })

  it('says nobody leads, nothing synced and no limit yet, and forgets a pause that is over', () => {
    const model = adminStatus(
      {
        leader: null,
        sync: null,
        budget: { used: 0, sync: 0, interactive: 0, budget: 0, pausedUntil: NOW - 1 },
        shared: false,
      },
      NOW,
    )
    expect(model).toMatchObject({
      leader: null,
      pages: 0,
      lastPageAt: null,
      lastPageSecondsAgo: null,
      caughtUp: false,
      errors: [],
      budget: { limit: null, share: null, pausedUntil: null },
      shared: false,
    })
  })

  it('labels a long tab id by its first block', () => {
    const uuid = 'a320a874-099e-4d6f-9579-cc328523b994'
    const model = adminStatus({ ...STATUS, leader: { ...STATUS.leader!, tabId: uuid } }, NOW)
    expect(model.leader).toMatchObject({ tabId: uuid, tabLabel: 'a320a874…' })
  })

  it('never counts negative seconds when a clock is ahead', () => {
    const ahead = { ...STATUS, leader: { ...STATUS.leader!, since: NOW + 5_000 } }
    expect(adminStatus(ahead, NOW).leader?.secondsLeading).toBe(0)
  })
})

describe('AdminStatus', () => {
  beforeEach(() => {
    localStorage.clear()
    jest.useFakeTimers({ now: NOW, advanceTimers: true })
  })
  afterEach(() => jest.useRealTimers())

  it('shows the leader, the last page, every error with its time and the requests used', async () => {
    await renderInZendesk(<AdminStatus status={STATUS} />, { context: { location: 'nav_bar' } })
    const area = await screen.findByRole('region', { name: 'Sync status (admins)' })
    const fact = (name: string) => area.querySelector(`[data-admin="${name}"]`)?.textContent
    expect(fact('leader')).toMatch(/^tab-7f3a since Oct 31, 2026/)
    expect(fact('pages')).toBe('14')
    expect(fact('last-page')).toMatch(/\(12 s ago\)$/)
    expect(fact('caught-up')).toBe('No, still syncing')
    expect(fact('requests')).toBe('21 of 70 (15 sync, 6 interactive) · 30%')
    const errors = within(area)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/^Oct 31, 2026.*: Zendesk answered 429 \(rate limited\)$/)
    expect(errors[1]).toMatch(/: The browser storage is full$/)
    expect(within(area).getByRole('status')).toHaveTextContent(/paused by Zendesk's rate limit/)
  })

  it('says when nothing is known yet', async () => {
    const empty: BackgroundStatus = {
      leader: null,
      sync: null,
      budget: { used: 0, sync: 0, interactive: 0, budget: 0, pausedUntil: null },
      shared: false,
    }
    await renderInZendesk(<AdminStatus status={empty} />, { context: { location: 'nav_bar' } })
    const area = await screen.findByRole('region', { name: 'Sync status (admins)' })
    expect(area).toHaveTextContent(/None: no tab of a team KPI role is open/)
    expect(area).toHaveTextContent('None yet')
    expect(area).toHaveTextContent('0 (0 sync, 0 interactive)')
    expect(area).toHaveTextContent(/refuses shared storage/)
    expect(within(area).queryAllByRole('listitem')).toEqual([])
  })

  it('reads what the leader stored in this browser when given no status', async () => {
    localStorage.setItem(
      syncStatusKey('demo'),
      JSON.stringify({
        tabId: 'tab-1',
        at: NOW,
        pagesDone: 3,
        lastPageAt: NOW - 4_000,
        caughtUp: true,
        errors: [{ message: 'Search export failed: 503', at: NOW - 1_000 }],
      }),
    )
    const { client } = await renderInZendesk(<AdminStatus />, { context: { location: 'nav_bar' } })
    expect(client).toBeDefined()
    const area = await screen.findByRole('region', { name: 'Sync status (admins)' })
    expect(area.querySelector('[data-admin="pages"]')?.textContent).toBe('3')
    expect(area.querySelector('[data-admin="caught-up"]')?.textContent).toBe('Yes')
    expect(area).toHaveTextContent('Search export failed: 503')
  })
})
