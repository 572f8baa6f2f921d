// The host side of the ZAF v2 postMessage protocol (see docs/workspace.md and the platform
// reference §7), as the local workspace speaks it to the app's iframes. Pure logic: the browser
// page gives it a `post` function per frame and an adapter that knows the workspace's data, so
// jest can drive it with plain objects.
//
// iframe → host: `iframe.handshake`, `iframe.on:<e>` / `iframe.off:<e>`, `iframe.trigger:<e>`,
// `{id, request: get|set|invoke, params}`, `request:<n>`, `iframe.reply:<e>`, `session.live`,
// `__track__`. host → iframe: `zaf.app.registered`, `zaf.<event>`, `{id, result}` / `{id, error}`,
// `zaf.request:<n>.done` / `.fail`.

// TYPES

export type ZafContext = {
  instanceGuid: string
  product: 'support'
  account: { subdomain: string }
  location: string
  ticketId?: number
}

export type ZafMetadata = {
  appId: number
  installationId: number
  name: string
  version: string
  settings: Record<string, unknown>
}

export type ZafError = { message: string; name?: string; path?: string }

/** Thrown by adapters for a path or action the host does not know (becomes `errors[path]`). */
export class HostError extends Error {
  override readonly name: string
  constructor(message: string, name = 'HostError') {
    super(message)
    this.name = name
  }
}

/** What an HTTP request forwarded to the simulated API came back with. */
export type HostResponse = {
  status: number
  statusText: string
  headers: Record<string, string>
  body: string
}

export type FrameState = {
  readonly guid: string
  readonly location: string
  context: ZafContext
  /** Posts one message to the frame's window (the page supplies it). */
  readonly post: (message: unknown) => void
  registered: boolean
  /** Events the app subscribed to (`iframe.on:`), with their subscriber counts. */
  readonly subscriptions: Map<string, number>
}

export type HostAdapter = {
  metadata: () => ZafMetadata
  get: (path: string, frame: FrameState) => unknown
  set: (path: string, value: unknown, frame: FrameState) => unknown
  invoke: (action: string, args: unknown[], frame: FrameState) => unknown
  request: (options: Record<string, unknown>, frame: FrameState) => Promise<HostResponse>
}

export type HostEvent =
  | { kind: 'registered'; guid: string }
  | { kind: 'subscribed'; guid: string; event: string; count: number }
  | { kind: 'trigger'; from: string; to: string[]; event: string }
  | { kind: 'request'; guid: string; key: string; url: string; status: number }
  | { kind: 'call'; guid: string; request: string; names: string[]; errors: string[] }
  | { kind: 'unknown'; guid: string; message: unknown }

// MESSAGES

type Incoming = {
  key?: unknown
  message?: unknown
  id?: unknown
  request?: unknown
  params?: unknown
  appGuid?: unknown
  instanceGuid?: unknown
  error?: { msg?: unknown }
}

/** Iframe messages are JSON strings, except `iframe.reply:*`, which is an object. */
export function parseMessage(data: unknown): Incoming | undefined {
  if (typeof data === 'string') {
    try {
      const parsed = JSON.parse(data) as unknown
      return typeof parsed === 'object' && parsed !== null ? parsed : undefined
    } catch {
      return undefined
    }
  }
  return typeof data === 'object' && data !== null ? data : undefined
}

function errorOf(err: unknown, path?: string): ZafError {
  const e = err instanceof Error ? err : new Error(String(err))
  return { message: e.message, name: e.name, ...(path === undefined ? {} : { path }) }
}

/**
 * The response arguments the SDK resolves or rejects `client.request` with. The SDK passes the
 * first one to the app: parsed JSON (or text) on success, or a jqXHR-like object on failure; with
 * `httpCompleteResponse` both are `{status, responseJSON, responseText, headers}`.
 */
export function responseArgs(
  options: Record<string, unknown>,
  response: HostResponse,
): { ok: boolean; args: unknown[] } {
  const ok = response.status >= 200 && response.status < 300
  let json: unknown
  const isJson = /json/i.test(response.headers['content-type'] ?? '') || options.dataType === 'json'
  if (isJson && response.body !== '') {
    try {
      json = JSON.parse(response.body) as unknown
    } catch {
      json = undefined
    }
  }
  const complete = {
    status: response.status,
    statusText: response.statusText,
    responseJSON: json,
    responseText: response.body,
    headers: response.headers,
  }
  if (options.httpCompleteResponse === true) return { ok, args: [complete] }
  if (ok) return { ok, args: [json ?? response.body, 'success', complete] }
  return { ok, args: [complete, 'error', response.statusText] }
}

// HOST

export type ZafHostOptions = {
  adapter: HostAdapter
  /** Observer for the workspace's protocol log and tests. */
  onEvent?: (event: HostEvent) => void
}

export class ZafHost {
  private readonly frames = new Map<string, FrameState>()
  /** Pending needsReply events by `<guid> <event>`. */
  private readonly replies = new Map<string, (error: string | null) => void>()
  private readonly adapter: HostAdapter
  private readonly onEvent: (event: HostEvent) => void

  constructor(options: ZafHostOptions) {
    this.adapter = options.adapter
    this.onEvent = options.onEvent ?? (() => undefined)
  }

  /** Registers a frame before its iframe loads; messages from it are matched by `guid`. */
  addFrame(frame: {
    guid: string
    location: string
    context: ZafContext
    post: (message: unknown) => void
  }): FrameState {
    const state: FrameState = { ...frame, registered: false, subscriptions: new Map() }
    this.frames.set(frame.guid, state)
    return state
  }

  /** Tells the frame it is going away (`app.willDestroy`), then forgets it. */
  removeFrame(guid: string): void {
    const frame = this.frames.get(guid)
    if (!frame) return
    if (frame.registered) this.send(frame, 'app.willDestroy', {})
    this.frames.delete(guid)
  }

  frame(guid: string): FrameState | undefined {
    return this.frames.get(guid)
  }

  allFrames(): FrameState[] {
    return [...this.frames.values()]
  }

  /** `instances` as `client.get('instances')` returns it: guid → context. */
  instances(): Record<string, ZafContext> {
    const out: Record<string, ZafContext> = {}
    for (const f of this.frames.values()) out[f.guid] = f.context
    return out
  }

  /** Sends `zaf.<event>` to one frame (after registration; earlier events are dropped). */
  send(frame: FrameState, event: string, message: unknown): void {
    if (!frame.registered) return
    frame.post({ key: `zaf.${event}`, message })
  }

  /** Sends an event to every registered frame that subscribed to it (or to `*.changed`). */
  fire(event: string, message: unknown, where: (f: FrameState) => boolean = () => true): number {
    let sent = 0
    for (const f of this.frames.values()) {
      if (!where(f)) continue
      if ((f.subscriptions.get(event) ?? 0) > 0) {
        this.send(f, event, message)
        sent++
      }
    }
    return sent
  }

  /**
   * Sends an event that needs a reply (a hook such as `ticket.save`) and resolves with the app's
   * verdict: null when its handlers accept, else the error message (a handler returning false, a
   * string, an Error or a rejected promise). No answer within `timeoutMs` counts as a failure.
   */
  askReply(frame: FrameState, event: string, timeoutMs = 10_000): Promise<string | null> {
    const key = `${frame.guid} ${event}`
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.replies.delete(key)
        resolve(`the app did not answer ${event} within ${timeoutMs / 1000} s`)
      }, timeoutMs)
      this.replies.set(key, (error) => {
        clearTimeout(timer)
        this.replies.delete(key)
        resolve(error)
      })
      frame.post({ key: `zaf.${event}`, needsReply: true })
    })
  }

  /** Fires `ticket.<prop>.changed` and the catch-all `*.changed` for a property change. */
  fireChange(propertyName: string, newValue: unknown, where?: (f: FrameState) => boolean): void {
    const data = { propertyName, newValue }
    this.fire(`${propertyName}.changed`, data, where)
    this.fire('*.changed', data, where)
  }

  /** Handles one message from the frame `guid` (the page checked its origin and source). */
  receive(guid: string, data: unknown): void {
    const frame = this.frames.get(guid)
    const msg = parseMessage(data)
    if (!frame || !msg) return
    if (typeof msg.request === 'string' && typeof msg.id === 'number') {
      void this.answerCall(frame, msg.id, msg.request, msg.params)
      return
    }
    const key = typeof msg.key === 'string' ? msg.key : ''
    if (key === 'iframe.handshake') {
      this.register(frame)
    } else if (key.startsWith('iframe.on:') || key.startsWith('iframe.off:')) {
      const on = key.startsWith('iframe.on:')
      const event = key.slice(on ? 'iframe.on:'.length : 'iframe.off:'.length)
      const count = (msg.message as { subscriberCount?: unknown } | undefined)?.subscriberCount
      const n = typeof count === 'number' ? count : on ? 1 : 0
      if (n > 0) frame.subscriptions.set(event, n)
      else frame.subscriptions.delete(event)
      this.onEvent({ kind: 'subscribed', guid, event, count: n })
    } else if (key.startsWith('iframe.trigger:')) {
      this.relayTrigger(frame, key.slice('iframe.trigger:'.length), msg)
    } else if (/^request:\d+$/.test(key)) {
      void this.forwardRequest(frame, key, msg.message)
    } else if (key.startsWith('iframe.reply:')) {
      const settle = this.replies.get(`${guid} ${key.slice('iframe.reply:'.length)}`)
      const reason = msg.error?.msg
      settle?.(msg.error === undefined ? null : typeof reason === 'string' ? reason : 'rejected')
    } else if (key === 'session.live' || key === '__track__' || key.startsWith('iframe.')) {
      // Activity pings and telemetry need no answer.
    } else {
      this.onEvent({ kind: 'unknown', guid, message: msg })
    }
  }

  private register(frame: FrameState): void {
    // A reloaded iframe (or a second client in the same frame) handshakes again and gets a fresh
    // registration; subscriptions are kept, since other clients of the frame may still listen.
    frame.registered = true
    frame.post({
      key: 'zaf.app.registered',
      message: { context: frame.context, metadata: this.adapter.metadata() },
    })
    this.onEvent({ kind: 'registered', guid: frame.guid })
  }

  /**
   * `client.instance(guid).trigger(e)` targets that instance; `client.trigger(e)` on the main
   * client carries the sender's own guid and reaches every other instance of the app.
   */
  private relayTrigger(from: FrameState, event: string, msg: Incoming): void {
    const target = typeof msg.instanceGuid === 'string' ? msg.instanceGuid : from.guid
    const targets =
      target === from.guid
        ? [...this.frames.values()].filter((f) => f.guid !== from.guid)
        : [this.frames.get(target)].filter((f): f is FrameState => f !== undefined)
    for (const f of targets) this.send(f, event, msg.message)
    this.onEvent({ kind: 'trigger', from: from.guid, to: targets.map((f) => f.guid), event })
  }

  private async answerCall(
    frame: FrameState,
    id: number,
    request: string,
    params: unknown,
  ): Promise<void> {
    const result: Record<string, unknown> = {}
    const errors: Record<string, ZafError> = {}
    let names: string[] = []
    try {
      if (request === 'get') {
        names = Array.isArray(params) ? params.map(String) : []
        for (const path of names) {
          try {
            result[path] = await this.adapter.get(path, frame)
          } catch (err) {
            errors[path] = errorOf(err, path)
          }
        }
      } else if (request === 'set' || request === 'invoke') {
        const entries = Object.entries((params ?? {}) as Record<string, unknown>)
        names = entries.map(([name]) => name)
        for (const [name, value] of entries) {
          try {
            result[name] =
              request === 'set'
                ? await this.adapter.set(name, value, frame)
                : await this.adapter.invoke(name, Array.isArray(value) ? value : [value], frame)
          } catch (err) {
            errors[name] = errorOf(err, name)
          }
        }
      } else {
        throw new HostError(`Unknown request type "${request}"`)
      }
    } catch (err) {
      frame.post({ id, error: errorOf(err) })
      return
    }
    frame.post({ id, result: { ...result, errors } })
    this.onEvent({ kind: 'call', guid: frame.guid, request, names, errors: Object.keys(errors) })
  }

  private async forwardRequest(frame: FrameState, key: string, message: unknown): Promise<void> {
    const options =
      typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {}
    let response: HostResponse
    try {
      response = await this.adapter.request(options, frame)
    } catch (err) {
      response = { status: 0, statusText: 'error', headers: {}, body: errorOf(err).message }
    }
    const { ok, args } = responseArgs(options, response)
    // Answered even when the app has no handler: the SDK subscribes to both before posting.
    frame.post({ key: `zaf.${key}.${ok ? 'done' : 'fail'}`, message: { responseArgs: args } })
    this.onEvent({
      kind: 'request',
      guid: frame.guid,
      key,
      url: typeof options.url === 'string' ? options.url : '',
      status: response.status,
    })
  }
}

// PATHS

/**
 * Reads a ZAF path such as `ticket.requester.email` or `ticket.customField:custom_field_7` from
 * an object tree. Throws a HostError naming the path when any step is missing.
 */
export function readPath(root: Record<string, unknown>, path: string): unknown {
  let value: unknown = root
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !(part in value)) {
      throw new HostError(`Could not find handler for: "${path}"`, 'NotFound')
    }
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** What `client.get('requirement:<key>')` answers for an installed requirement. */
export type RequirementAnswer = {
  identifier: string
  requirement_id: number | string
  requirement_type: string
}

/**
 * Answers a `requirement:<key>` path from the installed requirements (requirements.json), or
 * throws a HostError naming the key when the app declared no such requirement.
 */
export function readRequirement(
  path: string,
  installed: Readonly<Record<string, RequirementAnswer>>,
): RequirementAnswer {
  const key = path.slice('requirement:'.length)
  const found = Object.prototype.hasOwnProperty.call(installed, key) ? installed[key] : undefined
  if (!path.startsWith('requirement:') || found === undefined) {
    throw new HostError(
      `Could not find requirement "${key}": requirements.json declares ${
        Object.keys(installed).join(', ') || 'none'
      }`,
      'NotFound',
    )
  }
  return { ...found }
}
