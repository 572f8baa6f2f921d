import { screen } from '@testing-library/react'

import { Dashboard } from '@/locations/nav_bar/Dashboard'

import { renderInZendesk } from '../../support/render'

describe('Dashboard', () => {
  it('tells an agent without KPI rights who may see team KPIs', async () => {
    await renderInZendesk(<Dashboard />, {
      values: { currentUser: { id: 5, name: 'Ana', role: 'agent' } },
      context: { location: 'nav_bar' },
    })
    expect(await screen.findByText(/visible to these roles: admin, Team lead/)).toBeInTheDocument()
  })

  it('lets an admin through', async () => {
    await renderInZendesk(<Dashboard />, {
      values: { currentUser: { id: 1, name: 'Admin', role: 'admin' } },
      context: { location: 'nav_bar' },
    })
    expect(await screen.findByText('Signed in as Admin')).toBeInTheDocument()
    expect(screen.queryByText(/Ask an admin for access/)).not.toBeInTheDocument()
  })
})
