import { revenueAtRisk } from '@/core/customer/analytics/revenueAtRisk'
import { isActiveTicket, topCustomers } from '@/core/customer/analytics/topCustomers'
import { buildItem } from '../customerFixtures'

const open = (requesterId: number | null) => buildItem({ requesterId })
const solved = (requesterId: number) => buildItem({ requesterId, solved: '2024-03-05T00:00:00Z' })

describe('topCustomers', () => {
  it('ranks by active tickets × value and skips unknown values', () => {
    const tickets = [open(1), open(1), open(1), open(2), solved(2), solved(2), open(3), open(4)]
    const values = new Map([
      [1, 100],
      [2, 250],
      [3, 300],
    ])
    expect(topCustomers(tickets, (id) => values.get(id) ?? null)).toEqual([
      { customerId: 1, activeTickets: 3, value: 100, weight: 300 },
      { customerId: 3, activeTickets: 1, value: 300, weight: 300 },
      { customerId: 2, activeTickets: 1, value: 250, weight: 250 },
    ])
    expect(topCustomers(tickets, (id) => values.get(id) ?? null, 1)).toHaveLength(1)
  })

  it('counts new, open, pending and hold as active', () => {
    expect(
      ['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted'].map((status) =>
        isActiveTicket(buildItem({ status: status as never })),
      ),
    ).toEqual([true, true, true, true, false, false, false])
  })
})

describe('revenueAtRisk', () => {
  it('adds up the value and the value at risk of customers in the backlog, per currency', () => {
    const tickets = [open(1), open(1), open(2), solved(3), open(4), open(null)]
    const worth = new Map([
      [1, { value: 1000, churnRisk: 0.5, currency: 'USD' }],
      [2, { value: 200, churnRisk: 0.1, currency: 'USD' }],
      [3, { value: 9e9, churnRisk: 1, currency: 'USD' }],
      [4, { value: 50, churnRisk: 0.2, currency: null }],
    ])
    expect(revenueAtRisk(tickets, (id) => worth.get(id) ?? null)).toEqual({
      byCurrency: {
        USD: { customers: 2, openTickets: 3, value: 1200, atRisk: 520, ticketWeighted: 2200 },
      },
      unvalued: { customers: 1, openTickets: 2 },
    })
  })

  it('is empty without open tickets', () => {
    expect(revenueAtRisk([solved(1)], () => null)).toEqual({
      byCurrency: {},
      unvalued: { customers: 0, openTickets: 0 },
    })
  })
})
