// Property: whatever the traffic and whatever the server answers, the governor keeps its promises:
// ≤ budget sends in any 60 s window, exports ≥ 6 s apart, nothing sent during a Retry-After pause,
// at most 5 tries per request for 5xx, and every request settles.
import fc from 'fast-check'

import { createGovernor } from '@/zendesk/governor'
import { createFakeTransport, jsonReply, textReply } from '../support/fakeTransport'

type Answer = { kind: 'ok' } | { kind: '429'; retryAfter: number } | { kind: '500' }

const answerArb: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'ok' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 20 })
      .map((retryAfter) => ({ kind: '429' as const, retryAfter })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: '500' as const }) },
)

const requestArb = fc.record({
  at: fc.integer({ min: 0, max: 5 * 60_000 }),
  incremental: fc.boolean(),
  id: fc.integer({ min: 0, max: 30 }),
})

beforeEach(() => {
  jest.useFakeTimers({ now: 0 })
})
afterEach(() => jest.useRealTimers())

jest.setTimeout(60_000)

describe('createGovernor (property)', () => {
  it('keeps the budget, the export spacing and Retry-After for any traffic and answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestArb, { minLength: 1, maxLength: 60 }),
        fc.array(answerArb, { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        async (requests, answers, share) => {
          jest.setSystemTime(0)
          const log: { at: number; incremental: boolean; answer: Answer }[] = []
          const transport = createFakeTransport((req, n) => {
            const answer = answers[(n - 1) % answers.length]!
            log.push({ at: Date.now(), incremental: req.path.includes('/incremental/'), answer })
            if (answer.kind === '429')
              return textReply('limited', 429, { 'retry-after': String(answer.retryAfter) })
            if (answer.kind === '500') return jsonReply({ error: 'x' }, 500)
            return jsonReply({ ok: true }, 200, { 'x-rate-limit': '400' })
          })
          // the governor's own event order: a send that comes after a pause must wait it out
          const events: { type: string; at: number; until?: number }[] = []
          const governor = createGovernor(transport, {
            onEvent: (e) =>
              events.push({
                type: e.type,
                at: e.at,
                ...(e.type === 'pause' ? { until: e.until } : {}),
              }),
            apiBudgetShare: share,
            assumedAccountLimit: 400,
            random: () => 0.5,
          })
          const settled: Promise<unknown>[] = []
          for (const r of [...requests].sort((a, b) => a.at - b.at)) {
            await jest.advanceTimersByTimeAsync(Math.max(0, r.at - Date.now()))
            const path = r.incremental
              ? `/api/v2/incremental/tickets/cursor.json?cursor=${r.id}`
              : `/api/v2/tickets/${r.id}.json`
            settled.push(
              governor.execute({ method: 'GET', path }).then(
                () => 'ok',
                () => 'failed',
              ),
            )
          }
          let open = settled.length
          for (const p of settled) void p.then(() => open--)
          for (let i = 0; i < 2000 && open > 0; i++) await jest.advanceTimersByTimeAsync(5_000)
          const outcomes = await Promise.all(settled)
          expect(outcomes).toHaveLength(requests.length)
          const budget = governor.budgetPerMinute()
          const times = log.map((l) => l.at)
          for (const t of times) {
            expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(budget)
          }
          const exports = log.filter((l) => l.incremental).map((l) => l.at)
          exports.slice(1).forEach((t, i) => expect(t - exports[i]!).toBeGreaterThanOrEqual(6000))
          // replay the governor's events: each send compared with the pause in force at that point
          let pausedUntil = -Infinity
          const early: number[] = []
          for (const e of events) {
            if (e.type === 'pause') pausedUntil = Math.max(pausedUntil, e.until!)
            else if (e.type === 'send' && e.at < pausedUntil) early.push(e.at)
          }
          expect(early).toEqual([])
          // and a 429 always paused
          const limited = log.some((l) => l.answer.kind === '429')
          expect(events.some((e) => e.type === 'pause')).toBe(limited)
        },
      ),
      { numRuns: 25, seed: 20261124 },
    )
  })
})
