// A Transport over the simulator's fetch-style core (sim/api/core.ts), for data-layer tests: the same
// core the msw handlers wrap, called directly (no request interception, so no global state).
// Also a Timer whose sleeps move the simulated account's clock, so Retry-After, budgets and the
// 10/min export limit play out on simulated time.
import type { SimAccount } from '@sim/account'
import type { SimCore } from '@sim/api/core'

import { cancelledError, endpointOf } from '@/zendesk/errors'
import { createVirtualTimer } from '@/zendesk/governor'
import type { Timer } from '@/zendesk/governor'
import type { Transport, TransportResponse } from '@/zendesk/transport/types'

export const SIM_BASE = 'https://retention-radar.zendesk.com'

export type SimTransport = Transport & {
  /** Called before each request reaches the simulator; throwing there simulates a crash. */
  beforeSend?: (path: string, n: number) => void
  sent: number
}

export function createSimTransport(core: SimCore, authorization?: string): SimTransport {
  const transport: SimTransport = {
    kind: 'custom',
    sent: 0,
    async send(req): Promise<TransportResponse> {
      if (req.signal?.aborted === true) throw cancelledError(endpointOf(req.method, req.path))
      transport.sent++
      transport.beforeSend?.(req.path, transport.sent)
      const headers: Record<string, string> = {}
      if (authorization !== undefined) headers.authorization = authorization
      if (req.body !== undefined) headers['content-type'] = 'application/json'
      const res = await core.fetch(
        new Request(`${SIM_BASE}${req.path}`, {
          method: req.method,
          headers,
          ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        }),
      )
      const out: Record<string, string> = {}
      res.headers.forEach((value, key) => {
        out[key.toLowerCase()] = value
      })
      return { status: res.status, headers: out, text: await res.text() }
    },
  }
  return transport
}

/** A virtual timer that starts at the account's clock and moves it along. */
export function simTimer(account: SimAccount): Timer {
  return createVirtualTimer(account.clock.now(), (ms) => account.clock.advance(ms))
}
