// The ZAF transport: `client.request` through Zendesk's proxy with `httpCompleteResponse: true`
// (so status and rate-limit headers reach us) and `autoRetry: false` (the governor owns retries).

import { cancelledError, endpointOf, networkError, timeoutError } from '../errors'
import type { ZafClient, ZafRequestOptions } from '../zaf/types'
import type { Transport, TransportRequest, TransportResponse } from './types'
import { isAborted, normalizeHeaders } from './types'

export type ZafTransportOptions = {
  /** Passed to the proxy as `timeout`, ms (default 30,000). */
  timeoutMs?: number
}

type Complete = { status: number; headers: Record<string, string>; text: string }

/**
 * What `client.request` resolved or rejected with, as a complete response, or undefined when it is
 * not one (the SDK rejects with the first of the host's response arguments: with
 * `httpCompleteResponse` that is `{status, responseText, responseJSON, headers}`; older hosts give
 * an XHR-like object with `getAllResponseHeaders`).
 */
function asComplete(value: unknown): Complete | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  if (typeof v.status !== 'number') return undefined
  let headers: Record<string, string> = normalizeHeaders(v.headers)
  if (typeof v.getAllResponseHeaders === 'function') {
    const raw = (v.getAllResponseHeaders as () => unknown).call(value)
    if (typeof raw === 'string') {
      headers = {}
      for (const line of raw.split(/\r?\n/)) {
        const i = line.indexOf(':')
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
      }
    }
  }
  let text = typeof v.responseText === 'string' ? v.responseText : ''
  if (text === '' && v.responseJSON !== undefined) text = JSON.stringify(v.responseJSON)
  return { status: v.status, headers, text }
}

function statusText(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const s = (value as { statusText?: unknown }).statusText
    if (typeof s === 'string') return s
  }
  return typeof value === 'string' ? value : 'no response'
}

/**
 * How `pending` settled, or a `timeout` error a little after the proxy's own timeout should have
 * answered (a host that never answers must not hold a request slot forever), or `cancelled` at once
 * when `signal` aborts (the governor stopping on `app.willDestroy`).
 */
function guarded(
  pending: Promise<unknown>,
  endpoint: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<{ failed: boolean; value: unknown }> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
    const onAbort = (): void => {
      done()
      reject(cancelledError(endpoint))
    }
    const timer = setTimeout(() => {
      done()
      reject(timeoutError(endpoint, timeoutMs))
    }, timeoutMs + GRACE_MS)
    signal?.addEventListener('abort', onAbort, { once: true })
    pending.then(
      (value) => {
        done()
        resolve({ failed: false, value })
      },
      (value: unknown) => {
        done()
        resolve({ failed: true, value })
      },
    )
  })
}

const GRACE_MS = 5_000

/** A Transport over a ZAF client. */
export function createZafTransport(
  client: ZafClient,
  options: ZafTransportOptions = {},
): Transport {
  const timeout = options.timeoutMs ?? 30_000
  return {
    kind: 'zaf',
    async send(request: TransportRequest): Promise<TransportResponse> {
      const endpoint = endpointOf(request.method, request.path)
      if (isAborted(request.signal)) throw cancelledError(endpoint)
      const zafOptions: ZafRequestOptions = {
        url: request.path,
        type: request.method,
        httpCompleteResponse: true,
        autoRetry: false,
        dataType: 'text',
        timeout,
      }
      if (request.body !== undefined) {
        zafOptions.contentType = 'application/json'
        zafOptions.data = JSON.stringify(request.body)
      }
      const { failed, value: settled } = await guarded(
        client.request(zafOptions),
        endpoint,
        timeout,
        request.signal,
      )
      if (isAborted(request.signal)) throw cancelledError(endpoint)
      const complete = asComplete(settled)
      if (complete === undefined || complete.status === 0) {
        const text = statusText(settled)
        if (/timeout/i.test(text)) throw timeoutError(endpoint, timeout)
        throw networkError(endpoint, failed ? text : 'unexpected response from client.request')
      }
      return complete
    },
  }
}
