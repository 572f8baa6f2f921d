import { pruneSlaWarnings } from '@/core/sla/pruneSlaWarnings'

const DAY = 86_400_000
const rec = (breachAt: number) => ({
  ticketId: 1,
  metric: 'm',
  assigneeId: 2,
  breachAt,
  warnedAt: 0,
})

describe('pruneSlaWarnings', () => {
  it('keeps records until a day after their breach', () => {
    const now = 10 * DAY
    expect(pruneSlaWarnings([rec(now), rec(now - DAY + 1), rec(now - DAY)], now)).toEqual([
      rec(now),
      rec(now - DAY + 1),
    ])
  })

  it('keeps everything when the clock is NaN', () => {
    expect(pruneSlaWarnings([rec(0)], NaN)).toEqual([rec(0)])
  })
})
