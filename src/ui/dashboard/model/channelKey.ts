// Translation key of a channel's name.

import type { Channel } from '@/core'

/**
 * The key under `dashboard.channels` of a channel (`other` is stored as `unknown`, because a
 * message group with an `other` key would read as a plural form).
 *
 * @example
 * channelKey('other') //=> 'unknown'
 */
export function channelKey(channel: Channel): Exclude<Channel, 'other'> | 'unknown' {
  return channel === 'other' ? 'unknown' : channel
}
