// Adds the customer's VIP tier as a ticket tag (`retention_tier_gold`) so views and triggers can use
// it. The prefix differs from the `vip_*` tags the value model reads, so the app's own tag never
// decides the tier it reports.

import type { WriteContext, WriteOutcome } from './types'
import { messageOf } from './types'

export const TIER_TAG_PREFIX = 'retention_tier_'

/**
 * The tag for a tier.
 *
 * @example
 * tierTagOf('gold') //=> 'retention_tier_gold'
 */
export function tierTagOf(tier: string): string {
  return `${TIER_TAG_PREFIX}${tier}`
}

export type TierTagWrite = { ticketId: number; tier: string; tags: readonly string[] }

/**
 * Adds the tier tag and removes the app's tags of other tiers, never the agent's unsaved edits:
 * - the agent changed the tags and has not saved → `waiting`;
 * - other unsaved edits → `ticket.tags.add` / `ticket.tags.remove` on the form;
 * - a clean form → `PUT /api/v2/tickets/<id>.json` with `additional_tags` / `remove_tags`.
 *
 * @example
 * await writeTierTag(ctx, { ticketId: 12, tier: 'gold', tags: ['billing'] }) //=> { kind: 'written', via: 'api' }
 */
export async function writeTierTag(ctx: WriteContext, write: TierTagWrite): Promise<WriteOutcome> {
  const tag = tierTagOf(write.tier)
  const stale = write.tags.filter((t) => t.startsWith(TIER_TAG_PREFIX) && t !== tag)
  if (write.tags.includes(tag) && stale.length === 0) return { kind: 'unchanged' }
  const edited = ctx.edits.edited()
  if (edited.has('ticket.tags')) return { kind: 'waiting' }
  const next = [...write.tags.filter((t) => !stale.includes(t) && t !== tag), tag]
  try {
    if (edited.size > 0) {
      // Each form call fires its own tags change event.
      if (stale.length > 0) {
        ctx.edits.expect('ticket.tags', [...write.tags.filter((t) => !stale.includes(t))])
        await ctx.client.invoke('ticket.tags.remove', stale)
      }
      if (!write.tags.includes(tag)) {
        ctx.edits.expect('ticket.tags', next)
        await ctx.client.invoke('ticket.tags.add', [tag])
      }
      return { kind: 'written', via: 'form' }
    }
    ctx.edits.expect('ticket.tags', next)
    await ctx.governor.execute({
      method: 'PUT',
      path: `/api/v2/tickets/${write.ticketId}.json`,
      body: { ticket: { additional_tags: [tag], remove_tags: stale } },
    })
    return { kind: 'written', via: 'api' }
  } catch (err) {
    return { kind: 'failed', message: messageOf(err) }
  }
}
