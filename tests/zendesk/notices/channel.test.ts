import {
  NOTICE_EVENT,
  channelName,
  closeNoticeSenders,
  publishChange,
  simpleNotice,
  subscribeChanges,
  ticketsNotice,
} from '@/zendesk/notices'
import type { ChangeNotice } from '@/zendesk/notices'

import { createZafHub, flushHub } from '../report/zafHub'

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
  closeNoticeSenders()
})

function listen(subdomain: string, options = {}): ChangeNotice[] {
  const got: ChangeNotice[] = []
  stops.push(subscribeChanges(subdomain, (n) => got.push(n), options))
  return got
}

/** BroadcastChannel delivery is a macrotask; a few rounds let every message land. */
const settle = () => flushHub(10)

describe('change notices on a BroadcastChannel', () => {
  it('delivers a published notice to every subscriber of the account', async () => {
    const a = listen('acme')
    const b = listen('acme')
    const notice = ticketsNotice([{ id: 5, requesterId: 9 }], 100)
    await expect(publishChange('acme', notice)).resolves.toBe('broadcast')
    await settle()
    expect(a).toEqual([notice])
    expect(b).toEqual([notice])
  })

  it('keeps accounts apart', async () => {
    const other = listen('globex')
    await publishChange('acme', simpleNotice('syncStatus', 1))
    await settle()
    expect(other).toEqual([])
  })

  it('ignores messages from another app, another version or of an unknown shape', async () => {
    const got = listen('acme')
    const raw = new BroadcastChannel(channelName('acme'))
    const good = simpleNotice('people', 3)
    raw.postMessage({ ...good, app: 'other-app' })
    raw.postMessage({ ...good, v: 2 })
    raw.postMessage({ ...good, kind: 'everything' })
    raw.postMessage({ app: 'retention-radar', v: 1, kind: 'tickets', ticketIds: ['1'], at: 1 })
    raw.postMessage('retention-radar')
    raw.postMessage(null)
    raw.postMessage(good)
    await settle()
    raw.close()
    expect(got).toEqual([good])
  })

  it('refuses to send something that is not a notice', async () => {
    const bad = { ...simpleNotice('people', 1), at: Number.NaN }
    await expect(publishChange('acme', bad)).rejects.toThrow('not a valid change notice')
  })

  it('stops delivering after unsubscribe', async () => {
    const got: ChangeNotice[] = []
    const stop = subscribeChanges('acme', (n) => got.push(n))
    stop()
    await publishChange('acme', simpleNotice('baseline', 1))
    await settle()
    expect(got).toEqual([])
  })
})

describe('change notices without BroadcastChannel', () => {
  it('travels as ZAF triggers to every other instance of the app', async () => {
    const hub = createZafHub('acme')
    const background = hub.add('bg', 'background')
    const nav = hub.add('nav', 'nav_bar')
    const sidebar = hub.add('side', 'ticket_sidebar')
    const navGot = listen('acme', { zaf: nav, BroadcastChannel: null })
    const sideGot = listen('acme', { zaf: sidebar, BroadcastChannel: null })
    const bgGot = listen('acme', { zaf: background, BroadcastChannel: null })
    const notice = ticketsNotice([{ id: 1, requesterId: null }], 7)
    await expect(
      publishChange('acme', notice, { zaf: background, BroadcastChannel: null }),
    ).resolves.toBe('zaf')
    await flushHub()
    expect(navGot).toEqual([notice])
    expect(sideGot).toEqual([notice])
    expect(bgGot).toEqual([])
    expect(hub.log.map((l) => l.to).sort()).toEqual(['nav', 'side'])
  })

  it('ignores a trigger of the same name carrying something else', async () => {
    const hub = createZafHub('acme')
    const nav = hub.add('nav', 'nav_bar')
    const got = listen('acme', { zaf: nav, BroadcastChannel: null })
    hub.deliver('nav', NOTICE_EVENT, { app: 'another-app', v: 1, kind: 'people', at: 1 })
    hub.deliver('nav', NOTICE_EVENT, undefined)
    await flushHub()
    expect(got).toEqual([])
  })

  it('says when there is no way to send', async () => {
    await expect(
      publishChange('acme', simpleNotice('people', 1), { BroadcastChannel: null }),
    ).resolves.toBe('none')
  })
})

describe('notice builders', () => {
  it('deduplicates and sorts ids and leaves out tickets without requester', () => {
    const n = ticketsNotice(
      [
        { id: 3, requesterId: 8 },
        { id: 1, requesterId: 8 },
        { id: 3, requesterId: 8 },
        { id: 2, requesterId: null },
      ],
      9,
    )
    expect(n).toEqual({
      app: 'retention-radar',
      v: 1,
      kind: 'tickets',
      ticketIds: [1, 2, 3],
      requesterIds: [8],
      at: 9,
    })
  })
})
