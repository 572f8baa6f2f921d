import type {
  ZafClient,
  ZafContext,
  ZafEventHandler,
  ZafGetResult,
  ZafMetadata,
  ZafRequestOptions,
} from '@/zendesk/zaf/types'

export type FakeZafClientOptions = {
  /** Values `get(path)` answers with, by path (e.g. `'ticket.requester'`). */
  values?: Record<string, unknown>
  /** Paths whose `get` fails, with the error message Zendesk would give. */
  failures?: Record<string, string>
  settings?: Record<string, unknown>
  context?: Partial<ZafContext>
  request?: (options: ZafRequestOptions) => Promise<unknown>
}

export type FakeZafClient = ZafClient & {
  /** Fires an event as Zendesk would, to every handler registered with `on`. */
  emit(name: string, data?: unknown): void
  /** Fires `app.registered` with the fake's context and metadata. */
  register(): void
  invocations: { name: string; args: unknown[] }[]
  values: Record<string, unknown>
}

/** A ZafClient for tests: answers `get` from a table, records `invoke`, fires events on demand. */
export function createFakeZafClient(options: FakeZafClientOptions = {}): FakeZafClient {
  const handlers = new Map<string, Set<ZafEventHandler>>()
  const values = { ...options.values }
  const context: ZafContext = {
    instanceGuid: 'guid-1',
    product: 'support',
    account: { subdomain: 'demo' },
    location: 'ticket_sidebar',
    ...options.context,
  }
  const metadata: ZafMetadata = { settings: options.settings ?? {} }
  const invocations: { name: string; args: unknown[] }[] = []

  const client: FakeZafClient = {
    values,
    invocations,
    on: (name, handler) => {
      const set = handlers.get(name) ?? new Set()
      set.add(handler)
      handlers.set(name, set)
    },
    off: (name, handler) => {
      handlers.get(name)?.delete(handler)
    },
    has: (name, handler) => handlers.get(name)?.has(handler) ?? false,
    emit: (name, data) => {
      for (const handler of handlers.get(name) ?? []) handler(data)
    },
    register: () => client.emit('app.registered', { context, metadata }),
    trigger: () => undefined,
    get: (path) => {
      const paths = Array.isArray(path) ? path : [path]
      const result: ZafGetResult = { errors: {} }
      for (const p of paths) {
        const failure = options.failures?.[p]
        if (failure !== undefined) {
          if (!Array.isArray(path)) return Promise.reject(new Error(failure))
          result.errors[p] = { message: failure }
        } else {
          result[p] = values[p]
        }
      }
      return Promise.resolve(result)
    },
    set: (path, value) => {
      values[path] = value
      return Promise.resolve({ errors: {}, [path]: value })
    },
    invoke: (name, ...args) => {
      invocations.push({ name, args })
      return Promise.resolve({ errors: {} })
    },
    request: (req) =>
      options.request
        ? options.request(req)
        : Promise.reject(new Error(`unexpected request ${req.url}`)),
    context: () => Promise.resolve(context),
    metadata: () => Promise.resolve(metadata),
    instance: () => client,
  }
  return client
}
