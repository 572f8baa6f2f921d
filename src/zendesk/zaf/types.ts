// TYPES — the typed boundary to the Zendesk Apps framework SDK. App code only sees these
// shapes; the SDK itself comes from Zendesk's CDN in production and from the npm package in the
// local preview (see src/zendesk/zaf/sdk.ts).

export type ZafContext = {
  instanceGuid: string
  product: string
  account: { subdomain: string }
  location: string
  ticketId?: number
}

export type ZafMetadata = {
  appId?: number
  installationId?: number
  name?: string
  version?: string
  settings: Record<string, unknown>
}

/** Options of `client.request`, as the SDK forwards them to Zendesk's proxy. */
export type ZafRequestOptions = {
  url: string
  type?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  contentType?: string
  data?: unknown
  headers?: Record<string, string>
  dataType?: string
  timeout?: number
  cors?: boolean
  secure?: boolean
  httpCompleteResponse?: boolean
  autoRetry?: boolean
}

/** `client.get(path)` resolves to `{ [path]: value, errors: {} }`. */
export type ZafGetResult = Record<string, unknown> & {
  errors: Record<string, { message: string; name?: string; path?: string }>
}

export type ZafEventHandler = (data?: unknown) => unknown

export type ZafClient = {
  on(name: string, handler: ZafEventHandler): void
  off(name: string, handler: ZafEventHandler): void
  has(name: string, handler: ZafEventHandler): boolean
  trigger(name: string, data?: unknown): void
  get(path: string | string[]): Promise<ZafGetResult>
  set(path: string, value: unknown): Promise<ZafGetResult>
  invoke(name: string, ...args: unknown[]): Promise<unknown>
  request(options: ZafRequestOptions): Promise<unknown>
  context(): Promise<ZafContext>
  metadata(): Promise<ZafMetadata>
  instance(guid: string): ZafClient
}

/** The global the SDK script defines. `init` returns false outside a Zendesk iframe. */
export type ZafSdk = {
  init(callback?: (data: { context: ZafContext; metadata: ZafMetadata }) => void): ZafClient | false
}
