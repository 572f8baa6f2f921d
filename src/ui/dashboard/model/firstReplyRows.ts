// First-reply buckets per channel, one row per channel.

import { FIRST_REPLY_BUCKETS } from '@/core'
import type { Channel, FirstReplyBucket } from '@/core'

export type FirstReplyRow = { channel: Channel; total: number } & Record<FirstReplyBucket, number>

/**
 * Rows of the first-reply chart: the six buckets of each channel and their total, busiest
 * channel first; channels with no first reply are left out.
 *
 * @example
 * firstReplyRows({ email: { '<1h': 3, '1-2h': 1, '2-6h': 0, '6-12h': 0, '12-24h': 0, '>24h': 1 } })[0].total //=> 5
 */
export function firstReplyRows(
  buckets: Readonly<Partial<Record<Channel, Readonly<Record<FirstReplyBucket, number>>>>>,
): FirstReplyRow[] {
  const rows: FirstReplyRow[] = []
  for (const [channel, counts] of Object.entries(buckets) as [
    Channel,
    Readonly<Record<FirstReplyBucket, number>> | undefined,
  ][]) {
    if (counts === undefined) continue
    const row = { channel, total: 0 } as FirstReplyRow
    for (const bucket of FIRST_REPLY_BUCKETS) {
      const n = counts[bucket]
      row[bucket] = Number.isFinite(n) && n > 0 ? n : 0
      row.total += row[bucket]
    }
    if (row.total > 0) rows.push(row)
  }
  return rows.sort((a, b) => b.total - a.total || a.channel.localeCompare(b.channel))
}
