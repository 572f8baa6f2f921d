import { zafBudgetOptions } from '@/zendesk/budget'
import { createGovernor } from '@/zendesk/governor'
import { createFakeZafClient } from '../../support/fakeZafClient'
import { createFakeTransport, jsonReply } from '../support/fakeTransport'

beforeEach(() => {
  jest.useFakeTimers({ now: Date.UTC(2026, 9, 31, 9) })
})

afterEach(() => {
  jest.useRealTimers()
})

/** An account limit of 10 at a 10 % share: one request a minute for the whole browser. */
const LIMITS = { 'x-rate-limit': '10', 'x-rate-limit-remaining': '9' }

describe('zafBudgetOptions', () => {
  it('puts two instances of one account under one budget', async () => {
    const transport = createFakeTransport(() => jsonReply({}, 200, LIMITS))
    const governors = ['sidebar-1', 'sidebar-2'].map(() =>
      createGovernor(transport, {
        ...zafBudgetOptions(
          createFakeZafClient({ context: { account: { subdomain: 'acme' } } }),
          'interactive',
        ),
        assumedAccountLimit: 10,
        apiBudgetShare: 10,
      }),
    )
    const done: number[] = []
    governors.forEach((g, i) => {
      void g
        .execute({ method: 'GET', path: `/api/v2/users/${i}` })
        .then(() => done.push(Date.now()))
    })
    await jest.advanceTimersByTimeAsync(61_000)
    expect(transport.calls).toHaveLength(2)
    const [first, second] = transport.calls.map((c) => c.at)
    expect((second as number) - (first as number)).toBeGreaterThanOrEqual(60_000)
    governors.forEach((g) => g.destroy())
  })

  it('never blocks a client whose account cannot be read', async () => {
    const zaf = createFakeZafClient()
    zaf.context = () => Promise.reject(new Error('no context'))
    const transport = createFakeTransport(() => jsonReply({}, 200, LIMITS))
    const governor = createGovernor(transport, zafBudgetOptions(zaf, 'interactive'))
    await governor.execute({ method: 'GET', path: '/api/v2/users/1' })
    expect(transport.calls).toHaveLength(1)
  })
})
