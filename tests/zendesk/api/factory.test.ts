import { z } from 'zod'

import { createZafZendeskClient } from '@/zendesk/api'
import { DEFAULT_SETTINGS } from '@/zendesk/settings'
import { createFakeZafClient } from '../../support/fakeZafClient'

describe('createZafZendeskClient', () => {
  it('uses the budget share setting and stops on app.willDestroy', async () => {
    const zaf = createFakeZafClient({
      request: () =>
        Promise.resolve({
          status: 200,
          responseText: '{"count":3}',
          headers: { 'X-Rate-Limit': '400' },
        }),
    })
    const client = createZafZendeskClient(zaf, { apiBudgetShare: 25 })
    expect(DEFAULT_SETTINGS.apiBudgetShare).toBe(10)
    await expect(
      client.get('/api/v2/search/count.json', { query: 'x' }, z.object({ count: z.int() })),
    ).resolves.toEqual({ count: 3 })
    expect(client.governor.budgetPerMinute()).toBe(100)
    zaf.emit('app.willDestroy')
    expect(client.governor.destroyed).toBe(true)
  })
})
