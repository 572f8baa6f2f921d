// A scripted Transport for governor and client tests: each call answers from a function of the
// request, and every send is recorded with the (fake or virtual) time it happened.
import type { Transport, TransportRequest, TransportResponse } from '@/zendesk/transport/types'

export type Reply = TransportResponse | Error | Promise<TransportResponse>

export type FakeTransport = Transport & {
  calls: { at: number; method: string; path: string }[]
}

export function jsonReply(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): TransportResponse {
  return {
    status,
    headers: { 'x-rate-limit': '700', 'x-rate-limit-remaining': '600', ...headers },
    text: JSON.stringify(body),
  }
}

export function textReply(
  text: string,
  status: number,
  headers: Record<string, string> = {},
): TransportResponse {
  return { status, headers, text }
}

export function createFakeTransport(
  answer: (req: TransportRequest, n: number) => Reply,
  now: () => number = () => Date.now(),
): FakeTransport {
  const calls: FakeTransport['calls'] = []
  return {
    kind: 'custom',
    calls,
    send(req) {
      calls.push({ at: now(), method: req.method, path: req.path })
      const reply = answer(req, calls.length)
      if (reply instanceof Error) return Promise.reject(reply)
      return Promise.resolve(reply)
    },
  }
}
