// Sending and receiving change notices. Every instance of the app in a browser shares one origin,
// so a BroadcastChannel named `retention-radar:<subdomain>` reaches them all without ZAF. Where
// BroadcastChannel is missing, notices travel as ZAF instance triggers instead.

import { madeOnce } from '@/core'

import type { ZafClient } from '../zaf/types'
import { parseChangeNotice } from './schema'
import type { ChangeNotice } from './types'

/** The ZAF event a notice travels as when BroadcastChannel is missing. */
export const NOTICE_EVENT = 'retention-radar.change'

type ChannelConstructor = new (name: string) => BroadcastChannel

export type NoticeOptions = {
  /** Used when BroadcastChannel is missing: instance triggers to the app's other instances. */
  zaf?: ZafClient
  /** Injected in tests; defaults to the global BroadcastChannel (undefined where missing). */
  BroadcastChannel?: ChannelConstructor | null
}

/** How a notice was sent: on the channel, as ZAF triggers, or not at all (no way to send). */
export type PublishResult = 'broadcast' | 'zaf' | 'none'

/** `retention-radar:<subdomain>`: one channel per account, so two accounts never mix. */
export function channelName(subdomain: string): string {
  return `retention-radar:${subdomain}`
}

function channelConstructor(options: NoticeOptions): ChannelConstructor | null {
  if (options.BroadcastChannel !== undefined) return options.BroadcastChannel
  return typeof BroadcastChannel === 'function' ? BroadcastChannel : null
}

// One open sending channel per name and constructor: the background publishes after every page.
const senders = new Map<ChannelConstructor, Map<string, BroadcastChannel>>()

function sender(Channel: ChannelConstructor, name: string): BroadcastChannel {
  const byName = madeOnce(senders, Channel, () => new Map<string, BroadcastChannel>())
  return madeOnce(byName, name, () => new Channel(name))
}

/** Closes the cached sending channels (the background's `app.willDestroy`, and tests). */
export function closeNoticeSenders(): void {
  for (const byName of senders.values()) for (const channel of byName.values()) channel.close()
  senders.clear()
}

async function triggerOthers(zaf: ZafClient, notice: ChangeNotice): Promise<void> {
  const [{ instances }, context] = await Promise.all([zaf.get('instances'), zaf.context()])
  if (typeof instances !== 'object' || instances === null) return
  for (const guid of Object.keys(instances)) {
    if (guid !== context.instanceGuid) zaf.instance(guid).trigger(NOTICE_EVENT, notice)
  }
}

/**
 * Tells the app's other instances in this browser what changed. Throws only when `notice` itself
 * is not a valid notice (a programming error): receivers would drop it anyway.
 *
 * @example
 * await publishChange('acme', { app: 'retention-radar', v: 1, kind: 'syncStatus', at: Date.now() })
 * //=> 'broadcast'
 */
export async function publishChange(
  subdomain: string,
  notice: ChangeNotice,
  options: NoticeOptions = {},
): Promise<PublishResult> {
  if (parseChangeNotice(notice) === null) {
    throw new Error(`Retention Radar: not a valid change notice (kind ${String(notice.kind)})`)
  }
  const Channel = channelConstructor(options)
  if (Channel !== null) {
    sender(Channel, channelName(subdomain)).postMessage(notice)
    return 'broadcast'
  }
  if (options.zaf !== undefined) {
    await triggerOthers(options.zaf, notice)
    return 'zaf'
  }
  return 'none'
}

/**
 * Calls `handler` with every valid notice for the account; anything else on the channel (another
 * app, another version, an unknown shape) is ignored. Listens on the channel and, when `zaf` is
 * given, to the ZAF fallback event too. Returns the unsubscribe function.
 *
 * @example
 * const stop = subscribeChanges('acme', (notice) => console.log(notice.kind))
 * stop()
 */
export function subscribeChanges(
  subdomain: string,
  handler: (notice: ChangeNotice) => void,
  options: NoticeOptions = {},
): () => void {
  const stops: (() => void)[] = []
  const deliver = (data: unknown) => {
    const notice = parseChangeNotice(data)
    if (notice !== null) handler(notice)
  }
  const Channel = channelConstructor(options)
  if (Channel !== null) {
    const channel = new Channel(channelName(subdomain))
    channel.onmessage = (event: MessageEvent<unknown>) => deliver(event.data)
    stops.push(() => channel.close())
  }
  const { zaf } = options
  if (zaf !== undefined) {
    const listener = (data?: unknown) => deliver(data)
    zaf.on(NOTICE_EVENT, listener)
    stops.push(() => zaf.off(NOTICE_EVENT, listener))
  }
  return () => {
    for (const stop of stops.splice(0)) stop()
  }
}
