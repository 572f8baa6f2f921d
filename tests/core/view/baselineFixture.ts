// A planted account for the baseline tests: email customers churn five times as often as web ones.

import type { CustomerProfile, CustomerTicket } from '@/core/customer'
import { buildItem, buildProfile, daysAgo } from '../customer/customerFixtures'

export function plantedAccount(): { profiles: CustomerProfile[]; tickets: CustomerTicket[] } {
  const profiles: CustomerProfile[] = []
  const tickets: CustomerTicket[] = []
  let ticketId = 1
  for (const [channel, retained] of [
    ['email', 20],
    ['web', 36],
  ] as const) {
    for (let i = 0; i < 40; i++) {
      const id = (channel === 'email' ? 10_000 : 20_000) + i
      profiles.push(
        buildProfile({ id, createdAt: null, fields: { lifetime_value: 100 * (i + 1) } }),
      )
      tickets.push(
        buildItem({
          id: ticketId++,
          requesterId: id,
          channel,
          created: daysAgo(200),
          solved: daysAgo(199),
          minutes: { fullResolution: 60 * (i + 1), requesterWait: 30 },
        }),
      )
      if (i < retained) {
        tickets.push(buildItem({ id: ticketId++, requesterId: id, channel, created: daysAgo(10) }))
      }
    }
  }
  return { profiles, tickets }
}
