// The simulated API over HTTP on 127.0.0.1, for the preview, benchmarks and any Node client: a node:http
// server that turns each request into a fetch Request and answers it with msw's `getResponse` over the
// simulator's msw handlers (sim/api/handlers.ts, over the same core that tests call directly), plus `/__sim/*`
// controls (state, clock, request log, requesters by VIP tier).
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { getResponse } from 'msw'

import { type SimAccount, type SimAccountOptions, createSimAccount } from './account'
import { type SimApi, type SimApiOptions, createSimApi } from './api/handlers'
import { createRealtimeClock } from './clock'
import { buildSkeleton } from './skeleton'
import { TIERS, type Tier, requestersByTier } from './tiers'
import { iso } from './time'

export type SimServerOptions = SimAccountOptions &
  SimApiOptions & {
    /** Port on the host (0 = any free port). */
    port?: number
    /** Host to bind (default 127.0.0.1). */
    host?: string
    /** Speed of the realtime clock (default 1). Pass `clock` for a manual clock instead. */
    clockSpeed?: number
  }

export type SimServer = {
  url: string
  account: SimAccount
  api: SimApi
  close: () => Promise<void>
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/** Starts the simulated API. Requires basic auth (`email/token:TOKEN`) unless `requireAuth: false`. */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const clock =
    options.clock ?? createRealtimeClock(buildSkeleton(options).endMs, options.clockSpeed ?? 1)
  const account = createSimAccount({ ...options, clock })
  // Clients of the server wait in real time, so rate-limit windows follow the wall clock whatever
  // the account clock does (a manual one stands still until told to move).
  const api = createSimApi(account, { requireAuth: true, rateClock: () => Date.now(), ...options })
  const host = options.host ?? '127.0.0.1'

  const control = (url: URL, method: string, res: ServerResponse): boolean => {
    if (url.pathname === '/__sim/state' && method === 'GET') {
      sendJson(res, 200, {
        now: iso(account.clock.now()),
        tickets: account.maxTicketId(),
        requests: api.log.entries.length,
        plan: account.plan,
      })
      return true
    }
    if (url.pathname === '/__sim/clock/advance' && method === 'POST') {
      const raw = url.searchParams.get('minutes') ?? ''
      if (!/^\d+$/.test(raw)) {
        sendJson(res, 400, {
          error: 'InvalidValue',
          description: 'minutes must be a non-negative integer',
        })
      } else {
        account.clock.advance(Number(raw) * 60_000)
        sendJson(res, 200, { now: iso(account.clock.now()), tickets: account.maxTicketId() })
      }
      return true
    }
    if (url.pathname === '/__sim/requesters' && method === 'GET') {
      const tier = url.searchParams.get('tier') ?? ''
      const count = Number(url.searchParams.get('count') ?? 5)
      if (!(TIERS as readonly string[]).includes(tier) || !Number.isInteger(count) || count < 1) {
        sendJson(res, 400, {
          error: 'InvalidValue',
          description: `tier must be one of ${TIERS.join(', ')} and count a positive integer`,
        })
      } else {
        sendJson(res, 200, { requesters: requestersByTier(account, tier as Tier, count) })
      }
      return true
    }
    if (url.pathname === '/__sim/log' && method === 'GET') {
      sendJson(res, 200, { entries: api.log.entries })
      return true
    }
    return false
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const method = (req.method ?? 'GET').toUpperCase()
        const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`)
        if (control(url, method, res)) return
        const headers = new Headers()
        for (const [k, v] of Object.entries(req.headers)) {
          if (typeof v === 'string') headers.set(k, v)
          else if (Array.isArray(v)) headers.set(k, v.join(', '))
        }
        const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req)
        const request = new Request(url, {
          method,
          headers,
          ...(body ? { body: new Uint8Array(body) } : {}),
        })
        const response = await getResponse(api.handlers, request)
        if (!response) {
          sendJson(res, 404, { error: 'InvalidEndpoint', description: 'Not found' })
          return
        }
        const out: Record<string, string> = {}
        response.headers.forEach((value, key) => {
          out[key] = value
        })
        res.writeHead(response.status, out)
        res.end(Buffer.from(await response.arrayBuffer()))
      } catch (err) {
        console.error('sim server:', err)
        if (!res.headersSent)
          sendJson(res, 500, { error: 'InternalServerError', description: String(err) })
        else res.end()
      }
    })()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    account,
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}
