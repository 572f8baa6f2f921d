import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'

import { Dashboard, DASHBOARD_REFRESH_MS } from '@/locations/nav_bar/Dashboard'
import { ReportSourceProvider } from '@/zendesk/hooks/useReportSource'
import { closeNoticeSenders, publishChange, simpleNotice, ticketsNotice } from '@/zendesk/notices'
import type { ReportSourceStatus } from '@/zendesk/report/types'

import { renderInZendesk } from '../../support/render'
import { fakeReportSource } from './fakeReportSource'
import type { FakeSource } from './fakeReportSource'

const ADMIN = { id: 1, name: 'Admin', role: 'admin' }

async function renderDashboard(
  source: FakeSource,
  user: Record<string, unknown> = ADMIN,
  settings: Record<string, unknown> = {},
) {
  return renderInZendesk(
    <ReportSourceProvider source={source}>
      <Dashboard />
    </ReportSourceProvider>,
    { values: { currentUser: user }, context: { location: 'nav_bar' }, settings },
  )
}

/** The raw value a data-kpi element carries. */
function kpiValue(path: string): string | null {
  return document.querySelector(`[data-kpi="${path}"]`)?.getAttribute('data-value') ?? null
}

// Recharts and Garden render slowly in jsdom on a shared machine.
jest.setTimeout(30_000)

beforeEach(() => localStorage.clear())
afterEach(() => closeNoticeSenders())

describe('Dashboard', () => {
  it('tells an agent without KPI rights to ask an admin, naming the roles allowed', async () => {
    const source = fakeReportSource()
    await renderDashboard(source, { id: 5, name: 'Ana', role: 'agent' })
    expect(await screen.findByText('Ask your admin')).toBeInTheDocument()
    expect(screen.getByText(/visible to these roles: admin, Team lead/)).toBeInTheDocument()
    expect(source.calls.report).toEqual([])
  })

  it('lets a custom role listed in the settings through', async () => {
    const source = fakeReportSource()
    await renderDashboard(
      source,
      { id: 6, name: 'Lea', role: 'agent', customRole: { name: 'Team lead' } },
      {},
    )
    expect(await screen.findByRole('tab', { name: 'Overview' })).toBeInTheDocument()
  })

  it('shows the last 30 days up to the latest activity, every card value as the engine computes it', async () => {
    const source = fakeReportSource()
    await renderDashboard(source)
    await screen.findByRole('tab', { name: 'Overview' })
    const range = { from: '2026-10-02', to: '2026-11-01', timeZone: 'UTC' }
    expect(source.calls.report[0]).toEqual(range)
    const report = source.reportOf(range)
    expect(kpiValue('tickets.created')).toBe(String(report.tickets.created))
    expect(kpiValue('tickets.solved')).toBe(String(report.tickets.solved))
    expect(kpiValue('tickets.unsolvedAtEnd')).toBe(String(report.tickets.unsolvedAtEnd))
    expect(kpiValue('firstReplyMinutes.median')).toBe(String(report.firstReplyMinutes.median))
    expect(kpiValue('csat.score')).toBe(String(report.csat.score))
    expect(kpiValue('csat.responseRate')).toBe(String(report.csat.responseRate))
    // No SLA events in the data: the card says so rather than showing 0 %.
    expect(kpiValue('sla.overall.rate')).toBe('null')
    expect(screen.getByText(/Updated 1\d s ago/)).toBeInTheDocument()
  })

  it('dates the figures of a new page by that read at once, even right after a status notice', async () => {
    const status: Partial<ReportSourceStatus> = { updatedAt: Date.now() - 30_000 }
    await renderDashboard(fakeReportSource(status))
    expect(await screen.findByText(/Updated 3\d s ago/)).toBeInTheDocument()
    await act(async () => {
      // the sync's phase notice, then its poll's page committed a moment later
      await publishChange('demo', simpleNotice('syncStatus', Date.now()))
      await new Promise((r) => setTimeout(r, 50))
      status.updatedAt = Date.now()
      await publishChange('demo', ticketsNotice([{ id: 7, requesterId: 1 }], Date.now()))
    })
    // well inside the interval at which the figures refresh
    await waitFor(() => expect(screen.getByText(/Updated [0-2] s ago/)).toBeInTheDocument(), {
      timeout: DASHBOARD_REFRESH_MS / 2,
    })
  })

  it('uses the time zone from the settings', async () => {
    const source = fakeReportSource()
    await renderDashboard(source, ADMIN, { timeZone: 'Pacific/Auckland' })
    await screen.findByRole('tab', { name: 'Overview' })
    // 2026-10-31 18:00 UTC is already 1 November in Auckland.
    expect(source.calls.report[0]).toEqual({
      from: '2026-10-03',
      to: '2026-11-02',
      timeZone: 'Pacific/Auckland',
    })
  })

  it('changes the range and remembers range and tab for the user', async () => {
    const source = fakeReportSource()
    const first = await renderDashboard(source)
    await screen.findByText(/^2026-10-02 to 2026-11-01/)
    // The other presets are asked for once the visible report is there, so switching is instant.
    await waitFor(() =>
      expect(source.calls.report).toEqual(
        expect.arrayContaining([
          { from: '2026-10-25', to: '2026-11-01', timeZone: 'UTC' },
          { from: '2026-08-03', to: '2026-11-01', timeZone: 'UTC' },
        ]),
      ),
    )
    const asked = source.calls.report.length
    fireEvent.click(screen.getByRole('button', { name: 'Last 7 days' }))
    expect(await screen.findByText(/^2026-10-25 to 2026-11-01/)).toBeInTheDocument()
    expect(source.calls.report).toHaveLength(asked)
    fireEvent.click(screen.getByRole('tab', { name: 'Agents and groups' }))
    expect(
      await screen.findByRole('tab', { name: 'Agents and groups', selected: true }),
    ).toBeInTheDocument()
    first.unmount()

    const again = fakeReportSource()
    await renderDashboard(again)
    expect(
      await screen.findByRole('tab', { name: 'Agents and groups', selected: true }),
    ).toBeInTheDocument()
    expect(again.calls.report[0]).toEqual({ from: '2026-10-25', to: '2026-11-01', timeZone: 'UTC' })
  })

  it('applies a custom range and refuses an end before the start', async () => {
    const source = fakeReportSource()
    await renderDashboard(source)
    fireEvent.click(await screen.findByRole('button', { name: 'Custom range' }))
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-20' } })
    fireEvent.change(screen.getByLabelText('To (inclusive)'), { target: { value: '2026-10-10' } })
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
    expect(screen.getByRole('alert')).toHaveTextContent('The end date is before the start date.')
    fireEvent.change(screen.getByLabelText('To (inclusive)'), { target: { value: '2026-10-24' } })
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
    await waitFor(() =>
      expect(source.calls.report.at(-1)).toEqual({
        from: '2026-10-20',
        to: '2026-10-25',
        timeZone: 'UTC',
      }),
    )
  })

  it('shows the resolution-time bands from the report, each with its kpi path, and drills into one', async () => {
    const source = fakeReportSource()
    await renderDashboard(source)
    const chart = await screen.findByRole('region', {
      name: 'Full resolution time of solved tickets',
    })
    fireEvent.click(within(chart).getByRole('button', { name: 'Show as table' }))
    const report = source.reportOf({ from: '2026-10-02', to: '2026-11-01', timeZone: 'UTC' }, null)
    const buckets = report.fullResolutionMinutes.buckets
    expect(Object.values(buckets).reduce((a, b) => a + b, 0)).toBe(report.tickets.solved)
    for (const [bucket, count] of Object.entries(buckets)) {
      expect(kpiValue(`fullResolutionMinutes.buckets.${bucket}`)).toBe(String(count))
    }
    // read from the report: no drill-down is asked for to draw the bars
    expect(source.calls.drillDown).toEqual([])
    fireEvent.click(
      within(chart).getByRole('button', {
        name: /^1 hr to 4 hr \(Show the tickets of 1 hr to 4 hr\)/,
      }),
    )
    await waitFor(() =>
      expect(source.calls.drillDown.at(-1)?.select).toEqual({
        kind: 'resolutionBucket',
        fromMinutes: 60,
        toMinutes: 240,
      }),
    )
  })

  it('shows the background status area to admins only', async () => {
    const admin = await renderDashboard(fakeReportSource())
    expect(await screen.findByRole('region', { name: 'Sync status (admins)' })).toBeInTheDocument()
    admin.unmount()
    await renderDashboard(fakeReportSource(), {
      id: 6,
      name: 'Lea',
      role: 'agent',
      customRole: { name: 'Team lead' },
    })
    await screen.findByRole('tab', { name: 'Overview' })
    expect(screen.queryByRole('region', { name: 'Sync status (admins)' })).toBeNull()
  })

  it('drills from a card into its tickets and opens one with routeTo', async () => {
    const source = fakeReportSource()
    const { client } = await renderDashboard(source)
    fireEvent.click(await screen.findByRole('button', { name: /^Solved/ }))
    const panel = await screen.findByRole('region', { name: 'Tickets: Solved' })
    expect(source.calls.drillDown.at(-1)).toEqual({
      range: { from: '2026-10-02', to: '2026-11-01', timeZone: 'UTC' },
      select: { kind: 'kpi', kpi: 'solved' },
    })
    expect(await within(panel).findByText('Plato Inc')).toBeInTheDocument()
    fireEvent.click(within(panel).getByRole('button', { name: /Open ticket 7: Cannot log in/ }))
    expect(client.invocations).toContainEqual({ name: 'routeTo', args: ['ticket', 7] })
  })

  it('keeps an open drill-down on the range on screen when the range moves', async () => {
    // During a first sync the presets follow the data's latest activity: a list opened before the
    // first pages landed must follow, or it shows an empty range for good.
    const source = fakeReportSource()
    await renderDashboard(source)
    fireEvent.click(await screen.findByRole('button', { name: /^Created/ }))
    await screen.findByRole('region', { name: 'Tickets: Created' })
    await waitFor(() =>
      expect(source.calls.drillDown.at(-1)?.range).toEqual({
        from: '2026-10-02',
        to: '2026-11-01',
        timeZone: 'UTC',
      }),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Last 7 days' }))
    await waitFor(() =>
      expect(source.calls.drillDown.at(-1)).toEqual({
        range: { from: '2026-10-25', to: '2026-11-01', timeZone: 'UTC' },
        select: { kind: 'kpi', kpi: 'created' },
      }),
    )
    expect(screen.getByRole('region', { name: 'Tickets: Created' })).toBeInTheDocument()
  })

  it('drills from a heatmap cell and a tier cell with the figure they show', async () => {
    const source = fakeReportSource()
    await renderDashboard(source)
    fireEvent.click(await screen.findByRole('button', { name: /^Monday 03:00,/ }))
    await waitFor(() =>
      expect(source.calls.drillDown.at(-1)?.select).toEqual({
        kind: 'weekdayHour',
        weekday: 0,
        hour: 3,
      }),
    )
    fireEvent.click(screen.getByRole('tab', { name: 'VIP tiers' }))
    fireEvent.click(await screen.findByRole('button', { name: /^Created, Gold:/ }))
    await waitFor(() =>
      expect(source.calls.drillDown.at(-1)).toMatchObject({
        tier: 'gold',
        select: { kind: 'kpi', kpi: 'created' },
      }),
    )
  })

  it('splits every KPI by VIP tier with its own kpi path', async () => {
    const source = fakeReportSource()
    await renderDashboard(source)
    fireEvent.click(await screen.findByRole('tab', { name: 'VIP tiers' }))
    await screen.findByRole('table', { name: 'Every KPI by VIP tier' })
    // The overview's cards never wait for the tier split: it is asked for on its own tab only.
    expect(source.calls.segments[0]).toBeNull()
    expect(source.calls.segments.filter((s) => s === 'tier')).toHaveLength(1)
    const report = source.reportOf({ from: '2026-10-02', to: '2026-11-01', timeZone: 'UTC' })
    for (const tier of ['platinum', 'gold', 'silver', 'standard']) {
      expect(kpiValue(`segments.${tier}.tickets.created`)).toBe(
        String(report.segments?.[tier]?.tickets.created),
      )
    }
  })

  it('lists agents and groups by name and sorts by any column', async () => {
    const source = fakeReportSource()
    await renderDashboard(source)
    fireEvent.click(await screen.findByRole('tab', { name: 'Agents and groups' }))
    const agents = await screen.findByRole('table', { name: 'Agents' })
    expect(await within(agents).findByText('Ana Agent')).toBeInTheDocument()
    expect(within(agents).getByText('Bo Agent')).toBeInTheDocument()
    const groups = screen.getByRole('table', { name: 'Groups' })
    expect(within(groups).getByText('Escalations')).toBeInTheDocument()

    const header = within(agents).getByRole('button', { name: 'Agent' })
    fireEvent.click(header)
    expect(header.closest('th')).toHaveAttribute('aria-sort', 'descending')
    const names = () =>
      within(agents)
        .getAllByRole('rowheader')
        // Each name's button ends with a screen-reader hint in brackets.
        .map((c) => c.textContent.replace(/ \(.*\)$/, ''))
    expect(names()).toEqual(['Bo Agent', 'Ana Agent'])
    fireEvent.click(header)
    expect(names()).toEqual(['Ana Agent', 'Bo Agent'])
  })

  it('shows the retention views with their kpi paths and explains the turning point', async () => {
    const source = fakeReportSource()
    await renderDashboard(source)
    fireEvent.click(await screen.findByRole('tab', { name: 'Retention' }))
    expect(await screen.findByText(/faster resolution pays off below it/)).toBeInTheDocument()
    expect(kpiValue('retention.byResolution.knee.hours')).toBe('24')
    expect(kpiValue('retention.revenueAtRisk.byCurrency.USD.atRisk')).toBe('9300')
    expect(
      screen.getByRole('table', { name: 'Top 10 customers by active tickets × value' }),
    ).toHaveTextContent('Plato Inc')
    expect(kpiValue('retention.byAgent.10.ci.0')).toBe('0.68')
    const curve = screen.getByRole('region', { name: 'Retention by median resolution time' })
    fireEvent.click(within(curve).getByRole('button', { name: 'Show as table' }))
    expect(kpiValue('retention.byResolution.buckets.24h+.rate')).toBe('0.62')
    expect(kpiValue('retention.topCustomers.1.weight')).toBe('100000')
    expect(kpiValue('retention.byChannel.web.rate')).toBe('0.85')
  })

  it('labels partial data and progress during the first sync', async () => {
    const source = fakeReportSource({
      complete: false,
      tickets: 500,
      totalTickets: 2000,
      etaMs: 90_000,
    })
    await renderDashboard(source)
    expect(await screen.findByText(/Partial data/)).toBeInTheDocument()
    expect(screen.getByText(/500 of 2,000 tickets synced · about 2 min left/)).toBeInTheDocument()
    expect(screen.getByRole('progressbar')).toBeInTheDocument()
  })

  it('says when no team data is synced yet', async () => {
    const source = fakeReportSource({
      tickets: 0,
      complete: false,
      updatedAt: null,
      latestActivityAt: null,
    })
    await renderDashboard(source)
    expect(await screen.findByText(/No team data yet/)).toBeInTheDocument()
  })

  it('labels the agent fallback', async () => {
    const source = fakeReportSource({ source: 'search-fallback', slaAvailable: false })
    await renderDashboard(source)
    expect(await screen.findByText(/Agent fallback/)).toBeInTheDocument()
  })

  it('says what failed when the report source cannot answer', async () => {
    const source = fakeReportSource()
    source.report = () => Promise.reject(new Error('The background is not running'))
    await renderDashboard(source)
    expect(
      await screen.findByText('The background is not running', {}, { timeout: 4000 }),
    ).toBeInTheDocument()
  })

  it('exports a drill-down list as CSV, one row per ticket with a header', async () => {
    const saved: Blob[] = []
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob)
      return 'blob:csv'
    })
    URL.revokeObjectURL = jest.fn()
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined)
    const source = fakeReportSource()
    await renderDashboard(source)
    fireEvent.click(await screen.findByRole('button', { name: /^Solved/ }))
    const panel = await screen.findByRole('region', { name: 'Tickets: Solved' })
    await within(panel).findByText('Plato Inc')
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Export CSV' }))
      await Promise.resolve()
    })
    expect(click).toHaveBeenCalled()
    const text = await saved[0]?.text()
    const lines = text?.trim().split(/\r?\n/) ?? []
    expect(lines[0]).toBe('Ticket,Subject,Requester,Tier,Status,Figure')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toContain('"Invoice, ""copy"""')
  })
})
