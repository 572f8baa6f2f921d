import { screen, waitFor } from '@testing-library/react'

import { fetchCurrentUser, useCurrentUser } from '@/zendesk/hooks/useCurrentUser'

import { createFakeZafClient } from '../../support/fakeZafClient'
import { renderInZendesk } from '../../support/render'

function Who() {
  const user = useCurrentUser()
  if (user.status === 'pending') return <p>loading</p>
  if (user.status === 'error') return <p>error: {user.error.message}</p>
  return <p>{`${user.data.name} (${user.data.role})`}</p>
}

describe('useCurrentUser', () => {
  it('gives the signed-in user as query state', async () => {
    await renderInZendesk(<Who />, {
      values: { currentUser: { id: 5, name: 'Lea', role: 'admin', locale: 'en-US' } },
    })
    await waitFor(() => expect(screen.getByText('Lea (admin)')).toBeInTheDocument())
  })

  it('reports a missing user as an error state, not an exception', async () => {
    // one retry after 1 s (the query client's default) before the error shows
    await renderInZendesk(<Who />, { values: { currentUser: null } })
    await waitFor(
      () =>
        expect(screen.getByText(/Zendesk did not return the signed-in user/)).toBeInTheDocument(),
      { timeout: 8_000 },
    )
  }, 10_000)
})

describe('fetchCurrentUser', () => {
  it('reads a custom role name', async () => {
    const client = createFakeZafClient({
      values: { currentUser: { id: 1, role: 'agent', customRole: { name: 'Team lead' } } },
    })
    await expect(fetchCurrentUser(client)).resolves.toMatchObject({
      name: '#1',
      role: 'agent',
      customRoleName: 'Team lead',
    })
  })
})
