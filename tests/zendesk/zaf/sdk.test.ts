import { initZafClient } from '@/zendesk/zaf/sdk'

import { createFakeZafClient } from '../../support/fakeZafClient'

describe('initZafClient', () => {
  it('reports a missing SDK script', () => {
    expect(initZafClient({})).toEqual({ kind: 'sdk-missing' })
  })

  it('reports a page opened outside Zendesk (init returns false)', () => {
    expect(initZafClient({ ZAFClient: { init: () => false } })).toEqual({ kind: 'outside-zendesk' })
  })

  it('returns the client inside Zendesk', () => {
    const client = createFakeZafClient()
    expect(initZafClient({ ZAFClient: { init: () => client } })).toEqual({ kind: 'client', client })
  })
})
