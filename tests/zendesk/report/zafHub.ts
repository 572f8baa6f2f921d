// Several fake ZAF clients wired together the way Zendesk wires an app's instances: each knows
// the others through `get('instances')`, and `instance(guid).trigger(...)` reaches that instance
// only, asynchronously and through JSON (as the SDK's postMessage does).

import { createFakeZafClient } from '../../support/fakeZafClient'
import type { FakeZafClient, FakeZafClientOptions } from '../../support/fakeZafClient'

export type ZafHub = {
  /** Adds an instance of the app with its own guid and location. */
  add(guid: string, location: string, options?: FakeZafClientOptions): FakeZafClient
  /** Removes an instance (its iframe went away): it no longer appears nor receives. */
  remove(guid: string): void
  /** Sends an event to one instance as if another app or an unknown frame triggered it. */
  deliver(guid: string, event: string, data: unknown): void
  /** Every trigger sent: from, to and event. */
  log: { from: string; to: string; event: string }[]
}

export function createZafHub(subdomain = 'demo'): ZafHub {
  const frames = new Map<string, { location: string; client: FakeZafClient }>()
  const log: ZafHub['log'] = []

  const deliver = (guid: string, event: string, data: unknown) => {
    const copy: unknown = data === undefined ? undefined : JSON.parse(JSON.stringify(data))
    setTimeout(() => frames.get(guid)?.client.emit(event, copy), 0)
  }

  const instances = () => {
    const out: Record<string, unknown> = {}
    for (const [guid, f] of frames) {
      out[guid] = {
        instanceGuid: guid,
        location: f.location,
        product: 'support',
        account: { subdomain },
      }
    }
    return out
  }

  const add = (guid: string, location: string, options: FakeZafClientOptions = {}) => {
    const client = createFakeZafClient({
      ...options,
      context: { instanceGuid: guid, location, account: { subdomain } },
    })
    const get = client.get
    client.get = (path) => {
      if (path === 'instances') return Promise.resolve({ errors: {}, instances: instances() })
      return get(path)
    }
    const child = (target: string): FakeZafClient => ({
      ...client,
      trigger: (event, data) => {
        log.push({ from: guid, to: target, event })
        if (frames.has(target)) deliver(target, event, data)
      },
    })
    client.instance = (target) => child(target)
    client.trigger = (event, data) => {
      for (const other of frames.keys()) {
        if (other === guid) continue
        log.push({ from: guid, to: other, event })
        deliver(other, event, data)
      }
    }
    frames.set(guid, { location, client })
    return client
  }

  return {
    add,
    remove: (guid) => {
      frames.delete(guid)
    },
    deliver,
    log,
  }
}

/** Resolves after pending hub deliveries (each is one macrotask). */
export function flushHub(rounds = 5): Promise<void> {
  let p = Promise.resolve()
  for (let i = 0; i < rounds; i++) p = p.then(() => new Promise((r) => setTimeout(r, 0)))
  return p
}
