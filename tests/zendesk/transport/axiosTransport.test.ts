// The axios transport against a real local HTTP server: real sockets, real timeouts and resets.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { ZendeskApiError } from '@/zendesk/errors'
import {
  TransportConfigError,
  createAxiosTransport,
  resolveBaseUrl,
} from '@/zendesk/transport/axiosTransport'

const TOKEN = 'sEcReT-t0ken-123'
const seen: { auth: string | undefined; url: string }[] = []

const server = createServer((req, res) => {
  seen.push({ auth: req.headers.authorization, url: req.url ?? '' })
  const path = (req.url ?? '').split('?')[0]
  if (path === '/api/v2/echo.json') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Rate-Limit': '700' })
    res.end('{"ok":true}')
  } else if (path === '/api/v2/limited.json') {
    res.writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': '3' })
    res.end('Number of allowed API requests per minute exceeded')
  } else if (path === '/api/v2/slow.json') {
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{}')
    }, 300)
  } else if (path === '/api/v2/down.json') {
    req.socket.destroy()
  } else if (path === '/api/v2/tickets/1.json' && req.method === 'PUT') {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ got: JSON.parse(body) as unknown }))
    })
  } else {
    res.writeHead(404)
    res.end()
  }
})
let base = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(() => {
  seen.length = 0
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const credentials = { kind: 'token' as const, email: 'admin@acme.test', token: TOKEN }

describe('resolveBaseUrl', () => {
  it('builds the Zendesk URL from a subdomain and keeps a given URL without trailing slash', () => {
    expect(resolveBaseUrl({ subdomain: 'Acme' })).toBe('https://acme.zendesk.com')
    expect(resolveBaseUrl({ baseUrl: 'http://127.0.0.1:4010/' })).toBe('http://127.0.0.1:4010')
  })

  it.each([
    [{ subdomain: 'bad_sub' }, /subdomain/],
    [{ baseUrl: 'ftp://x' }, /http or https/],
    [{ baseUrl: 'not a url' }, /not a URL/],
    [{ baseUrl: 'https://u:p@x.test' }, /credentials/],
    [{}, /required/],
  ])('refuses %p', (options, message) => {
    expect(() => resolveBaseUrl(options)).toThrow(TransportConfigError)
    expect(() => resolveBaseUrl(options)).toThrow(message)
  })
})

describe('createAxiosTransport', () => {
  it('sends basic auth as email/token:TOKEN and returns status, lower-case headers and raw text', async () => {
    const t = createAxiosTransport({ baseUrl: base, credentials })
    const res = await t.send({ method: 'GET', path: '/api/v2/echo.json' })
    expect(res.status).toBe(200)
    expect(res.headers['x-rate-limit']).toBe('700')
    expect(JSON.parse(res.text)).toEqual({ ok: true })
    const decoded = Buffer.from(seen[0]!.auth!.replace('Basic ', ''), 'base64').toString()
    expect(decoded).toBe(`admin@acme.test/token:${TOKEN}`)
  })

  it('sends an OAuth bearer token', async () => {
    const t = createAxiosTransport({
      baseUrl: base,
      credentials: { kind: 'oauth', accessToken: 'oauth-abc' },
    })
    await t.send({ method: 'GET', path: '/api/v2/echo.json' })
    expect(seen[0]!.auth).toBe('Bearer oauth-abc')
  })

  it('resolves non-2xx answers instead of throwing, with Retry-After readable', async () => {
    const t = createAxiosTransport({ baseUrl: base, credentials })
    const res = await t.send({ method: 'GET', path: '/api/v2/limited.json' })
    expect(res.status).toBe(429)
    expect(res.headers['retry-after']).toBe('3')
  })

  it('turns a timeout into a timeout error that does not carry the token', async () => {
    const t = createAxiosTransport({ baseUrl: base, credentials, timeoutMs: 50 })
    const err = await t.send({ method: 'GET', path: '/api/v2/slow.json' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ZendeskApiError)
    expect(err).toMatchObject({ code: 'timeout', endpoint: 'GET /api/v2/slow.json' })
    expect(JSON.stringify(err) + String(err) + String((err as Error).stack)).not.toContain(TOKEN)
    expect(Object.keys(err as object)).not.toContain('config')
  })

  it('turns a connection failure into a network error without the token', async () => {
    const t = createAxiosTransport({ baseUrl: base, credentials })
    const err = await t.send({ method: 'GET', path: '/api/v2/down.json' }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'network', retryable: true })
    expect(String(err)).not.toContain(TOKEN)
  })

  it('sends JSON bodies on PUT', async () => {
    const t = createAxiosTransport({ baseUrl: base, credentials })
    const res = await t.send({
      method: 'PUT',
      path: '/api/v2/tickets/1.json',
      body: { ticket: { tags: ['a'] } },
    })
    expect(JSON.parse(res.text)).toEqual({ got: { ticket: { tags: ['a'] } } })
  })

  it('reports cancelled when the signal has aborted', async () => {
    const t = createAxiosTransport({ baseUrl: base, credentials })
    const controller = new AbortController()
    const pending = t.send({ method: 'GET', path: '/api/v2/slow.json', signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' })
  })
})
