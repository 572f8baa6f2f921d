// Volume by channel, largest first.

import type { Channel } from '@/core'

export interface ChannelVolume {
  channel: Channel
  count: number
  /** The figure's path in the kpi command's JSON. */
  kpi: string
}

/**
 * The report's byChannel as rows, largest first (ties by channel name), empty channels left out.
 *
 * @example
 * channelVolume({ web: 3, email: 9 }) //=> [{ channel: 'email', count: 9, kpi: 'tickets.byChannel.email' }, { channel: 'web', count: 3, kpi: 'tickets.byChannel.web' }]
 */
export function channelVolume(
  byChannel: Readonly<Partial<Record<Channel, number>>>,
  prefix = '',
): ChannelVolume[] {
  return (Object.entries(byChannel) as [Channel, number | undefined][])
    .filter((entry): entry is [Channel, number] => typeof entry[1] === 'number' && entry[1] > 0)
    .map(([channel, count]) => ({ channel, count, kpi: `${prefix}tickets.byChannel.${channel}` }))
    .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel))
}
