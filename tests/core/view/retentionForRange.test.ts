import { retentionReport } from '@/core/customer/analytics/retentionReport'
import { retentionForRange } from '@/core/view/retentionForRange'
import { buildItem } from '../customer/customerFixtures'
import { plantedAccount } from './baselineFixture'

const RANGE = { from: '2024-05-01', to: '2024-06-01', timeZone: 'UTC' }

describe('retentionForRange', () => {
  const { profiles, tickets } = plantedAccount()
  tickets.push(buildItem({ id: 9001, requesterId: 10_001, created: '2024-05-30T10:00:00Z' }))
  const end = Date.parse('2024-06-01T00:00:00Z')

  it('is the retention report as of the end of the range, without the backlog Map', () => {
    const r = retentionForRange({ profiles, tickets, range: RANGE })
    const { backlog, ...expected } = retentionReport(profiles, tickets, end)
    expect(backlog.size).toBeGreaterThan(0)
    expect(r).toEqual({ ...expected, range: RANGE })
    expect(r.now).toBe(end)
    expect('backlog' in r).toBe(false)
    expect(r.byChannel.map((g) => g.key).sort()).toEqual(['email', 'web'])
  })

  it('survives structured cloning and JSON unchanged', () => {
    const r = retentionForRange({ profiles, tickets, range: RANGE, periods: 3 })
    expect(r.rates).toHaveLength(3)
    expect(structuredClone(r)).toEqual(r)
    expect(JSON.parse(JSON.stringify(r))).toEqual(r)
  })

  it('never looks past now', () => {
    const now = Date.parse('2024-05-15T00:00:00Z')
    expect(retentionForRange({ profiles, tickets, range: RANGE, now }).now).toBe(now)
  })
})
