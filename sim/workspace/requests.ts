// `client.request` as Zendesk's proxy would run it, against the simulated API: the URL is mapped
// to the simulator (relative `/api/...` paths and the account's own https URL), the call carries
// the signed-in role's credentials (basic auth `email/token:TOKEN`), `{{setting.x}}` placeholders
// are filled for `secure: true` requests, and anything else is refused (the network is closed).

export type ForwardOptions = {
  url?: unknown
  type?: unknown
  contentType?: unknown
  data?: unknown
  headers?: unknown
  secure?: unknown
  cors?: unknown
}

export type ForwardedResponse = {
  status: number
  statusText: string
  headers: Record<string, string>
  body: string
}

export type PreparedRequest = {
  url: string
  method: string
  headers: Record<string, string>
  body: string | undefined
}

/** Hosts that mean "this Zendesk account" (besides relative URLs). */
export function accountHosts(subdomain: string): string[] {
  return [`${subdomain}.zendesk.com`]
}

/** Fills `{{setting.name}}` from the installation settings; unknown names are left as they are. */
export function substituteSettings(text: string, settings: Record<string, unknown>): string {
  return text.replace(/\{\{\s*setting\.([A-Za-z0-9_]+)\s*\}\}/g, (all, name: string) =>
    name in settings ? String(settings[name]) : all,
  )
}

function formEncode(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
}

/**
 * Maps app request options to a call on the simulator, or throws with the reason it cannot go
 * anywhere. `simUrl` is the simulator's origin; `auth` the role's Authorization header.
 */
export function prepareRequest(
  options: ForwardOptions,
  ctx: { simUrl: string; subdomain: string; auth: string; settings: Record<string, unknown> },
): PreparedRequest {
  const secure = options.secure === true
  const fill = (s: string) => (secure ? substituteSettings(s, ctx.settings) : s)
  if (typeof options.url !== 'string' || options.url === '') {
    throw new Error('client.request needs a url')
  }
  const raw = fill(options.url)
  const target = new URL(raw, 'https://relative.invalid')
  const relative = target.host === 'relative.invalid'
  if (!relative && !accountHosts(ctx.subdomain).includes(target.host)) {
    throw new Error(
      `The preview forwards requests to the simulated Zendesk API only; ${target.origin} is not reachable`,
    )
  }
  const method = typeof options.type === 'string' ? options.type.toUpperCase() : 'GET'
  const headers: Record<string, string> = {}
  if (typeof options.headers === 'object' && options.headers !== null) {
    for (const [k, v] of Object.entries(options.headers as Record<string, unknown>)) {
      headers[k.toLowerCase()] = fill(String(v))
    }
  }
  headers.authorization = ctx.auth
  if (!('accept' in headers)) headers.accept = 'application/json'
  let body: string | undefined
  if (options.data !== undefined && options.data !== null && method !== 'GET') {
    const contentType =
      typeof options.contentType === 'string'
        ? options.contentType
        : 'application/x-www-form-urlencoded; charset=UTF-8'
    headers['content-type'] = contentType
    body =
      typeof options.data === 'string'
        ? options.data
        : contentType.includes('json')
          ? JSON.stringify(options.data)
          : formEncode(options.data as Record<string, unknown>)
    body = fill(body)
  } else if (options.data !== undefined && options.data !== null && method === 'GET') {
    // jQuery appends data to the query string of a GET.
    const extra =
      typeof options.data === 'string'
        ? options.data
        : formEncode(options.data as Record<string, unknown>)
    target.search = target.search === '' ? `?${extra}` : `${target.search}&${extra}`
  }
  return { url: `${ctx.simUrl}${target.pathname}${target.search}`, method, headers, body }
}

/** Basic auth header for a simulated user. */
export function basicAuth(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`
}

/** Runs a prepared request; network errors become status 0 like a failed XHR. */
export async function forward(req: PreparedRequest): Promise<ForwardedResponse> {
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body === undefined ? {} : { body: req.body }),
    })
    const headers: Record<string, string> = {}
    res.headers.forEach((value, key) => {
      headers[key] = value
    })
    return { status: res.status, statusText: res.statusText, headers, body: await res.text() }
  } catch (err) {
    return { status: 0, statusText: 'error', headers: {}, body: (err as Error).message }
  }
}
