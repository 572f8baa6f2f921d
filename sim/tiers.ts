// Which end users a test can use as a customer of a given VIP tier. The app ranks customers by their
// `lifetime_value` among everyone it synced (the requesters of the account's tickets): the top 1 % are
// Platinum, the top 5 % Gold or better, the top 20 % Silver or better (src/core/customer/tierThresholds.ts).
// The requesters returned sit well inside their band, so small differences in who the app has synced
// (a few more or fewer customers) never move them into another tier.
import type { SimAccount } from './account'
import { customerId } from './skeleton'

export const TIERS = ['platinum', 'gold', 'silver', 'standard'] as const
export type Tier = (typeof TIERS)[number]

/** Rank bands (share of customers above, from the top) each tier's picks come from. */
const BANDS: Record<Tier, readonly [number, number]> = {
  platinum: [0, 0.006],
  gold: [0.015, 0.04],
  silver: [0.07, 0.17],
  standard: [0.3, 0.9],
}

export type TierRequester = {
  id: number
  name: string
  email: string | null
  lifetimeValue: number
}

/**
 * Up to `count` active, unsuspended end users with tickets whose lifetime value puts them in `tier`,
 * highest value first.
 *
 * @example
 * requestersByTier(account, 'platinum', 3).map((r) => r.id) // [11001234, 11000456, 11004321]
 */
export function requestersByTier(account: SimAccount, tier: Tier, count = 5): TierRequester[] {
  const { skeleton } = account
  const ranked: number[] = []
  for (let c = 0; c < skeleton.customerCount; c++)
    if ((skeleton.customerTicketCount[c] ?? 0) > 0) ranked.push(c)
  ranked.sort(
    (a, b) => (skeleton.customerValue[b] ?? 0) - (skeleton.customerValue[a] ?? 0) || a - b,
  )
  const [from, to] = BANDS[tier]
  const out: TierRequester[] = []
  const end = Math.max(Math.ceil(ranked.length * to), Math.floor(ranked.length * from) + 1)
  for (let k = Math.floor(ranked.length * from); k < end && out.length < count; k++) {
    const id = customerId(ranked[k] ?? 0)
    if (account.people.isDeleted(id) || account.people.isSuspended(id)) continue
    const user = account.userJson(id)
    if (!user) continue
    out.push({
      id,
      name: String(user.name),
      email: typeof user.email === 'string' ? user.email : null,
      lifetimeValue: skeleton.customerValue[ranked[k] ?? 0] ?? 0,
    })
  }
  return out
}
