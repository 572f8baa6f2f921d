import vm from 'node:vm'

import {
  HostError,
  ZafHost,
  parseMessage,
  readPath,
  responseArgs,
} from '@sim/workspace/host/protocol'
import type { HostAdapter, HostEvent, HostResponse, ZafContext } from '@sim/workspace/host/protocol'
import { zafSdkScript } from '@sim/workspace/sdkBundle'

const ORIGIN = 'http://127.0.0.1:4400'

function contextFor(guid: string, location: string, ticketId?: number): ZafContext {
  return {
    instanceGuid: guid,
    product: 'support',
    account: { subdomain: 'demo' },
    location,
    ...(ticketId === undefined ? {} : { ticketId }),
  }
}

function makeAdapter(overrides: Partial<HostAdapter> = {}): HostAdapter {
  const ticket = { id: 7, requester: { id: 1, name: 'Ada', email: 'ada@example.com' } }
  return {
    metadata: () => ({
      appId: 0,
      installationId: 1,
      name: 'App',
      version: '1.0.0',
      settings: { kpiRoles: 'admin' },
    }),
    get: (path, frame) => {
      if (path.startsWith('ticket')) {
        if (frame.context.ticketId === undefined) throw new HostError('no ticket here')
        return readPath({ ticket }, path)
      }
      return readPath({ currentUser: { id: 9, name: 'Lee', role: 'agent' } }, path)
    },
    set: (_path, value) => value,
    invoke: (action) => {
      if (action === 'resize' || action === 'track') return null
      throw new HostError(`Could not find handler for action: "${action}"`)
    },
    request: () =>
      Promise.resolve({
        status: 200,
        statusText: 'OK',
        headers: { 'content-type': 'application/json' },
        body: '{"user":{"id":9}}',
      }),
    ...overrides,
  }
}

function setup(adapter = makeAdapter()) {
  const events: HostEvent[] = []
  const host = new ZafHost({ adapter, onEvent: (e) => events.push(e) })
  const posted: Record<string, unknown[]> = { side: [], bg: [] }
  host.addFrame({
    guid: 'side',
    location: 'ticket_sidebar',
    context: contextFor('side', 'ticket_sidebar', 7),
    post: (m) => posted.side?.push(m),
  })
  host.addFrame({
    guid: 'bg',
    location: 'background',
    context: contextFor('bg', 'background'),
    post: (m) => posted.bg?.push(m),
  })
  const send = (guid: string, message: object) => host.receive(guid, JSON.stringify(message))
  return { host, events, posted, send }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

describe('parseMessage', () => {
  it('parses JSON strings and passes objects through', () => {
    expect(parseMessage('{"key":"iframe.handshake"}')).toEqual({ key: 'iframe.handshake' })
    expect(parseMessage({ key: 'iframe.reply:x' })).toEqual({ key: 'iframe.reply:x' })
  })

  it('ignores what is not a message', () => {
    expect(parseMessage('not json')).toBeUndefined()
    expect(parseMessage('42')).toBeUndefined()
    expect(parseMessage(null)).toBeUndefined()
  })
})

describe('readPath', () => {
  it('reads nested paths and custom field keys', () => {
    const root = { ticket: { requester: { email: 'a@b' }, 'customField:custom_field_5': 3 } }
    expect(readPath(root, 'ticket.requester.email')).toBe('a@b')
    expect(readPath(root, 'ticket.customField:custom_field_5')).toBe(3)
  })

  it('throws a HostError naming the path when a step is missing', () => {
    expect(() => readPath({ ticket: {} }, 'ticket.nope.x')).toThrow(
      'Could not find handler for: "ticket.nope.x"',
    )
  })
})

describe('ZafHost', () => {
  it('answers the handshake with app.registered carrying context and settings', () => {
    const { posted, send, host } = setup()
    send('side', { key: 'iframe.handshake', message: { version: '2.0.9' }, appGuid: 'side' })
    expect(posted.side).toEqual([
      {
        key: 'zaf.app.registered',
        message: {
          context: contextFor('side', 'ticket_sidebar', 7),
          metadata: expect.objectContaining({ settings: { kpiRoles: 'admin' } }) as unknown,
        },
      },
    ])
    expect(host.frame('side')?.registered).toBe(true)
  })

  it('answers get with values and per-path errors under the same id', async () => {
    const { posted, send } = setup()
    send('bg', { id: 3, request: 'get', params: ['currentUser.name', 'ticket.requester'] })
    await flush()
    expect(posted.bg).toEqual([
      {
        id: 3,
        result: {
          'currentUser.name': 'Lee',
          errors: {
            'ticket.requester': {
              message: 'no ticket here',
              name: 'HostError',
              path: 'ticket.requester',
            },
          },
        },
      },
    ])
  })

  it('answers invoke, including track and unknown actions, never leaving an id unanswered', async () => {
    const { posted, send } = setup()
    send('side', { id: 1, request: 'invoke', params: { track: [{ type: 'click' }] } })
    send('side', { id: 2, request: 'invoke', params: { resize: [{ height: '90px' }] } })
    send('side', { id: 3, request: 'invoke', params: { explode: [] } })
    send('side', { id: 4, request: 'launch', params: {} })
    await flush()
    const byId = new Map((posted.side as { id: number }[]).map((m) => [m.id, m]))
    expect(byId.get(1)).toEqual({ id: 1, result: { track: null, errors: {} } })
    expect(byId.get(2)).toEqual({ id: 2, result: { resize: null, errors: {} } })
    expect(byId.get(3)).toMatchObject({
      id: 3,
      result: { errors: { explode: { path: 'explode' } } },
    })
    expect(byId.get(4)).toMatchObject({
      id: 4,
      error: { message: 'Unknown request type "launch"' },
    })
  })

  it('answers set with the value it stored', async () => {
    const { posted, send } = setup()
    send('side', { id: 5, request: 'set', params: { 'ticket.priority': 'high' } })
    await flush()
    expect(posted.side).toEqual([{ id: 5, result: { 'ticket.priority': 'high', errors: {} } }])
  })

  it('forwards request:<n> and answers .done with the parsed body', async () => {
    const { posted, send, events } = setup()
    send('side', { key: 'request:1', message: { url: '/api/v2/users/me.json' } })
    await flush()
    expect(posted.side).toEqual([
      {
        key: 'zaf.request:1.done',
        message: {
          responseArgs: [{ user: { id: 9 } }, 'success', expect.objectContaining({ status: 200 })],
        },
      },
    ])
    expect(events).toContainEqual({
      kind: 'request',
      guid: 'side',
      key: 'request:1',
      url: '/api/v2/users/me.json',
      status: 200,
    })
  })

  it('answers .fail when the simulator refuses or the adapter throws', async () => {
    const refused: HostResponse = {
      status: 403,
      statusText: 'Forbidden',
      headers: { 'content-type': 'application/json' },
      body: '{"error":"Forbidden"}',
    }
    const { posted, send } = setup(makeAdapter({ request: () => Promise.resolve(refused) }))
    send('side', { key: 'request:2', message: { url: '/api/v2/x', httpCompleteResponse: true } })
    await flush()
    expect(posted.side).toEqual([
      {
        key: 'zaf.request:2.fail',
        message: {
          responseArgs: [
            expect.objectContaining({ status: 403, responseJSON: { error: 'Forbidden' } }),
          ],
        },
      },
    ])
    const broken = setup(makeAdapter({ request: () => Promise.reject(new Error('down')) }))
    broken.send('bg', { key: 'request:1', message: { url: '/api/v2/x' } })
    await flush()
    expect(broken.posted.bg).toEqual([
      {
        key: 'zaf.request:1.fail',
        message: {
          responseArgs: [
            expect.objectContaining({ status: 0, responseText: 'down' }),
            'error',
            'error',
          ],
        },
      },
    ])
  })

  it('tracks subscriptions and sends events only to subscribed, registered frames', () => {
    const { host, posted, send } = setup()
    send('side', { key: 'iframe.handshake' })
    send('bg', { key: 'iframe.handshake' })
    send('side', { key: 'iframe.on:ticket.status.changed', message: { subscriberCount: 1 } })
    host.fireChange('ticket.status', 'solved')
    expect(posted.side?.at(-1)).toEqual({
      key: 'zaf.ticket.status.changed',
      message: { propertyName: 'ticket.status', newValue: 'solved' },
    })
    expect(posted.bg).toHaveLength(1)
    send('side', { key: 'iframe.off:ticket.status.changed', message: { subscriberCount: 0 } })
    const before = posted.side?.length
    host.fireChange('ticket.status', 'open')
    expect(posted.side).toHaveLength(before ?? 0)
  })

  it('relays a trigger to the target instance, or to every other instance from the main client', () => {
    const { posted, send, host } = setup()
    send('side', { key: 'iframe.handshake' })
    send('bg', { key: 'iframe.handshake' })
    send('side', { key: 'iframe.trigger:refresh', message: { n: 1 }, instanceGuid: 'bg' })
    expect(posted.bg?.at(-1)).toEqual({ key: 'zaf.refresh', message: { n: 1 } })
    send('bg', { key: 'iframe.trigger:hello', message: 2, instanceGuid: 'bg' })
    expect(posted.side?.at(-1)).toEqual({ key: 'zaf.hello', message: 2 })
    expect(posted.bg?.at(-1)).toEqual({ key: 'zaf.refresh', message: { n: 1 } })
    expect(host.instances()).toEqual({
      side: contextFor('side', 'ticket_sidebar', 7),
      bg: contextFor('bg', 'background'),
    })
  })

  it('sends app.willDestroy when a registered frame is removed', () => {
    const { host, posted, send } = setup()
    send('side', { key: 'iframe.handshake' })
    host.removeFrame('side')
    expect(posted.side?.at(-1)).toEqual({ key: 'zaf.app.willDestroy', message: {} })
    expect(host.frame('side')).toBeUndefined()
  })

  it('ignores telemetry, replies and messages from unknown frames', () => {
    const { posted, send, events, host } = setup()
    send('side', { key: '__track__', message: {} })
    send('side', { key: 'session.live' })
    host.receive('side', { key: 'iframe.reply:ticket.save', appGuid: 'side' })
    send('nobody', { key: 'iframe.handshake' })
    expect(posted.side).toEqual([])
    expect(events).toEqual([])
  })
})

describe('responseArgs', () => {
  const ok: HostResponse = { status: 200, statusText: 'OK', headers: {}, body: 'plain' }

  it('resolves with the text when the body is not JSON', () => {
    expect(responseArgs({}, ok).args[0]).toBe('plain')
  })

  it('gives {status, responseJSON, responseText, headers} with httpCompleteResponse', () => {
    const res = { ...ok, headers: { 'content-type': 'application/json' }, body: '[1]' }
    expect(responseArgs({ httpCompleteResponse: true }, res)).toEqual({
      ok: true,
      args: [
        {
          status: 200,
          statusText: 'OK',
          responseJSON: [1],
          responseText: '[1]',
          headers: { 'content-type': 'application/json' },
        },
      ],
    })
  })
})

describe('the npm ZAF SDK against ZafHost', () => {
  type FakeWindow = {
    listeners: ((e: { data: unknown; origin: string; source: unknown }) => void)[]
    ZAFClient?: { init: () => SdkClient | false }
  }
  type SdkClient = {
    get: (path: string) => Promise<Record<string, unknown>>
    invoke: (name: string, ...args: unknown[]) => Promise<unknown>
    request: (options: { url: string }) => Promise<unknown>
    metadata: () => Promise<{ settings: Record<string, unknown> }>
  }

  function loadSdk(search: string, host: ZafHost, guid: string): FakeWindow {
    const parent = {
      postMessage: (message: unknown, targetOrigin: string) => {
        expect(targetOrigin).toBe(ORIGIN)
        setImmediate(() => host.receive(guid, message))
      },
    }
    const win: FakeWindow & Record<string, unknown> = { listeners: [] }
    Object.assign(win, {
      parent,
      Promise,
      addEventListener: (type: string, fn: FakeWindow['listeners'][number]) => {
        if (type === 'message') win.listeners.push(fn)
      },
    })
    const context = vm.createContext({
      window: win,
      document: { location: { search, hash: '' } },
      setTimeout,
      clearTimeout,
      JSON,
    })
    vm.runInContext(zafSdkScript(), context)
    return win
  }

  it('registers, gets, invokes and requests through the real SDK client', async () => {
    const host = new ZafHost({ adapter: makeAdapter() })
    const frame: { win?: FakeWindow } = {}
    host.addFrame({
      guid: 'g1',
      location: 'ticket_sidebar',
      context: contextFor('g1', 'ticket_sidebar', 7),
      post: (data) => {
        for (const fn of frame.win?.listeners ?? []) fn({ data, origin: ORIGIN, source: parent })
      },
    })
    const win = loadSdk(`?origin=${encodeURIComponent(ORIGIN)}&app_guid=g1`, host, 'g1')
    frame.win = win
    const parent = (win as unknown as { parent: unknown }).parent
    const client = win.ZAFClient?.init()
    if (!client) throw new Error('ZAFClient.init() returned false')
    await expect(client.metadata()).resolves.toMatchObject({ settings: { kpiRoles: 'admin' } })
    await expect(client.get('ticket.requester.name')).resolves.toEqual({
      'ticket.requester.name': 'Ada',
      errors: {},
    })
    await expect(client.invoke('resize', { width: '100%', height: '80px' })).resolves.toEqual({
      resize: null,
      errors: {},
    })
    await expect(client.get('ticket.nothing')).rejects.toThrow('Could not find handler')
    await expect(client.request({ url: '/api/v2/users/me.json' })).resolves.toEqual({
      user: { id: 9 },
    })
  })

  it('returns false from init() without origin and app_guid', () => {
    const host = new ZafHost({ adapter: makeAdapter() })
    const win = loadSdk('', host, 'none')
    expect(win.ZAFClient?.init()).toBe(false)
  })
})

describe('ZafHost.askReply', () => {
  it('resolves with null when the app accepts and with its message when it refuses', async () => {
    const { host, posted, send } = setup()
    send('side', { key: 'iframe.handshake' })
    const frame = host.frame('side')
    if (!frame) throw new Error('no frame')
    const accepted = host.askReply(frame, 'ticket.save')
    expect(posted.side?.at(-1)).toEqual({ key: 'zaf.ticket.save', needsReply: true })
    host.receive('side', { key: 'iframe.reply:ticket.save', appGuid: 'side' })
    await expect(accepted).resolves.toBeNull()
    const refused = host.askReply(frame, 'ticket.save')
    host.receive('side', { key: 'iframe.reply:ticket.save', appGuid: 'side', error: { msg: 'no' } })
    await expect(refused).resolves.toBe('no')
  })

  it('counts a missing answer as a failure', async () => {
    const { host } = setup()
    const frame = host.frame('bg')
    if (!frame) throw new Error('no frame')
    await expect(host.askReply(frame, 'ticket.save', 10)).resolves.toBe(
      'the app did not answer ticket.save within 0.01 s',
    )
  })
})
