import { createTestServer } from './server'

describe('createTestServer', () => {
  const sim = createTestServer({ tickets: 200 })
  beforeAll(() => sim.server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => sim.reset())
  afterAll(() => sim.server.close())

  it('answers Zendesk API calls through msw', async () => {
    const response = await fetch(`${sim.baseUrl}/api/v2/users/me.json`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${sim.account.adminEmail}/token:${sim.account.apiToken}`).toString('base64')}`,
      },
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { user: { role: string } }
    expect(body.user.role).toBe('admin')
  })
})
