// The Node transport: axios against `https://{subdomain}.zendesk.com` or any base URL (the
// simulator's). Credentials live only inside the axios instance: they never reach an error
// message, a log line or a returned object.

import axios from 'axios'
import type { AxiosInstance } from 'axios'

import { cancelledError, endpointOf, networkError, timeoutError } from '../errors'
import type { Transport, TransportRequest, TransportResponse } from './types'
import { isAborted, normalizeHeaders } from './types'

export type AxiosCredentials =
  { kind: 'token'; email: string; token: string } | { kind: 'oauth'; accessToken: string }

export type AxiosTransportOptions = {
  /** `https://example.zendesk.com` or e.g. `http://127.0.0.1:4010`; or give `subdomain`. */
  baseUrl?: string
  subdomain?: string
  credentials: AxiosCredentials
  /** ms, default 30,000. */
  timeoutMs?: number
}

/** Thrown for a bad base URL or subdomain (a usage mistake, not an API failure). */
export class TransportConfigError extends Error {
  override readonly name = 'TransportConfigError'
}

/** The account's base URL from a subdomain or URL, without a trailing slash. */
export function resolveBaseUrl(options: { baseUrl?: string; subdomain?: string }): string {
  if (options.baseUrl !== undefined) {
    let url: URL
    try {
      url = new URL(options.baseUrl)
    } catch {
      throw new TransportConfigError(`base URL '${options.baseUrl}' is not a URL`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TransportConfigError(`base URL '${options.baseUrl}' must be http or https`)
    if (url.username !== '' || url.password !== '')
      throw new TransportConfigError('base URL must not contain credentials')
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  }
  if (options.subdomain !== undefined) {
    if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(options.subdomain))
      throw new TransportConfigError(`subdomain '${options.subdomain}' is not valid`)
    return `https://${options.subdomain.toLowerCase()}.zendesk.com`
  }
  throw new TransportConfigError('a base URL or a subdomain is required')
}

function authorization(credentials: AxiosCredentials): string {
  if (credentials.kind === 'oauth') return `Bearer ${credentials.accessToken}`
  const pair = `${credentials.email}/token:${credentials.token}`
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`
}

/** A Transport over axios (Node). */
export function createAxiosTransport(options: AxiosTransportOptions): Transport {
  const baseURL = resolveBaseUrl(options)
  const timeout = options.timeoutMs ?? 30_000
  const http: AxiosInstance = axios.create({
    baseURL,
    timeout,
    headers: { Authorization: authorization(options.credentials), Accept: 'application/json' },
    // the raw text: the client parses once and tells truncated JSON apart
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
  })
  return {
    kind: 'axios',
    async send(request: TransportRequest): Promise<TransportResponse> {
      const endpoint = endpointOf(request.method, request.path)
      if (isAborted(request.signal)) throw cancelledError(endpoint)
      try {
        const res = await http.request<unknown>({
          url: request.path,
          method: request.method,
          ...(request.body !== undefined
            ? {
                data: JSON.stringify(request.body),
                headers: { 'Content-Type': 'application/json' },
              }
            : {}),
          ...(request.signal !== undefined ? { signal: request.signal } : {}),
        })
        const data: unknown = res.data
        const text =
          typeof data === 'string'
            ? data
            : data === undefined || data === null
              ? ''
              : JSON.stringify(data)
        return { status: res.status, headers: normalizeHeaders(res.headers), text }
      } catch (err) {
        // Never rethrow axios's error: its `config` carries the Authorization header.
        if (isAborted(request.signal) || axios.isCancel(err)) throw cancelledError(endpoint)
        const code = axios.isAxiosError(err) ? err.code : undefined
        if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') throw timeoutError(endpoint, timeout)
        throw networkError(endpoint, code ?? 'no response')
      }
    },
  }
}
