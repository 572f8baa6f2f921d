import type { ZafRequestOptions } from '@/zendesk/zaf/types'
import { createZafTransport } from '@/zendesk/transport/zafTransport'
import { createFakeZafClient } from '../../support/fakeZafClient'

describe('createZafTransport', () => {
  it('asks for the complete response without ZAF retries and passes the body as JSON', async () => {
    const seen: ZafRequestOptions[] = []
    const client = createFakeZafClient({
      request: (options) => {
        seen.push(options)
        return Promise.resolve({
          status: 200,
          responseText: '{"ok":true}',
          headers: { 'X-Rate-Limit': '400', 'Retry-After': '2' },
        })
      },
    })
    const t = createZafTransport(client)
    const res = await t.send({ method: 'PUT', path: '/api/v2/tickets/1.json', body: { a: 1 } })
    expect(seen[0]).toMatchObject({
      url: '/api/v2/tickets/1.json',
      type: 'PUT',
      httpCompleteResponse: true,
      autoRetry: false,
      contentType: 'application/json',
      data: '{"a":1}',
    })
    expect(res).toEqual({
      status: 200,
      text: '{"ok":true}',
      headers: { 'x-rate-limit': '400', 'retry-after': '2' },
    })
  })

  /* eslint-disable @typescript-eslint/prefer-promise-reject-errors -- the SDK rejects with the response object, not an Error */
  it('resolves a rejected complete response (e.g. 429) as an answer, not an error', async () => {
    const client = createFakeZafClient({
      request: () =>
        Promise.reject({ status: 429, responseText: 'slow down', headers: { 'retry-after': '5' } }),
    })
    const res = await createZafTransport(client).send({ method: 'GET', path: '/api/v2/x.json' })
    expect(res).toMatchObject({ status: 429, headers: { 'retry-after': '5' } })
  })

  it('reads XHR-like failures through getAllResponseHeaders', async () => {
    const client = createFakeZafClient({
      request: () =>
        Promise.reject({
          status: 503,
          responseText: 'Service Unavailable',
          getAllResponseHeaders: () => 'Retry-After: 10\r\nX-Rate-Limit: 700\r\n',
        }),
    })
    const res = await createZafTransport(client).send({ method: 'GET', path: '/api/v2/x.json' })
    expect(res.headers).toEqual({ 'retry-after': '10', 'x-rate-limit': '700' })
  })

  /* eslint-enable @typescript-eslint/prefer-promise-reject-errors */
  it('uses responseJSON when there is no text', async () => {
    const client = createFakeZafClient({
      request: () => Promise.resolve({ status: 200, responseJSON: { a: 1 }, headers: {} }),
    })
    const res = await createZafTransport(client).send({ method: 'GET', path: '/api/v2/x.json' })
    expect(res.text).toBe('{"a":1}')
  })

  it.each([
    [{ status: 0, statusText: 'timeout', responseText: '' }, 'timeout'],
    [{ status: 0, statusText: 'error', responseText: '' }, 'network'],
    ['Invocation request timeout', 'timeout'],
    [new Error('boom'), 'network'],
  ])('turns %p into a %s error', async (failure, code) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as the SDK does
    const client = createFakeZafClient({ request: () => Promise.reject(failure) })
    await expect(
      createZafTransport(client).send({ method: 'GET', path: '/api/v2/x.json?a=1' }),
    ).rejects.toMatchObject({ code, endpoint: 'GET /api/v2/x.json' })
  })

  it('gives up on a host that never answers, a little after the proxy timeout', async () => {
    jest.useFakeTimers()
    try {
      const client = createFakeZafClient({ request: () => new Promise(() => undefined) })
      const pending = createZafTransport(client, { timeoutMs: 1000 }).send({
        method: 'GET',
        path: '/api/v2/x.json',
      })
      const settled = pending.catch((e: unknown) => e)
      await jest.advanceTimersByTimeAsync(5_999)
      await jest.advanceTimersByTimeAsync(2)
      await expect(settled).resolves.toMatchObject({ code: 'timeout' })
    } finally {
      jest.useRealTimers()
    }
  })

  it('reports cancelled at once when the signal aborts with the request in flight', async () => {
    const client = createFakeZafClient({ request: () => new Promise(() => undefined) })
    const controller = new AbortController()
    const pending = createZafTransport(client).send({
      method: 'GET',
      path: '/api/v2/x.json',
      signal: controller.signal,
    })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' })
  })
})
