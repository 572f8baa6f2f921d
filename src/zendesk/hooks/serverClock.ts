// Zendesk's time from the `Date` header of its API answers. The sidebar counts SLA minutes and
// waiting time against it, so an agent whose computer clock is off (or the local workspace, whose
// account clock is not the wall clock) still sees the right countdown.

import type { GovernorOptions } from '../governor'
import { tabStorage } from './tabStorage'

/** Offsets smaller than this are Date-header rounding and network time, not a wrong clock. */
export const CLOCK_SKEW_MIN_MS = 60_000

export type ServerClock = {
  /** Epoch ms on Zendesk's clock. */
  now(): number
  /** Epoch ms on this computer's clock (what `observe` times requests with). */
  local(): number
  /** Learns from one answer: its Date header, and when the request left and the answer came. */
  observe(dateHeader: string | undefined, sentAt: number, receivedAt: number): void
  /** Called after the offset changed. */
  subscribe(listener: () => void): () => void
}

/** Where the learnt offset is kept for the tab, so a sidebar that asks nothing still knows it. */
export const CLOCK_STORAGE_KEY = 'retention-radar-clock-offset'

type OffsetStore = Pick<Storage, 'getItem' | 'setItem'>

function readOffset(store: OffsetStore | null): number {
  try {
    const n = Number(store?.getItem(CLOCK_STORAGE_KEY) ?? 0)
    return Number.isFinite(n) ? n : 0
  } catch {
    return 0
  }
}

/**
 * A clock that follows the newest Date header seen (kept for the tab in sessionStorage); the local
 * clock until one arrives.
 *
 * @example
 * const clock = createServerClock()
 * clock.observe('Sat, 31 Oct 2026 23:59:59 GMT', sent, received)
 * new Date(clock.now()).toISOString() //=> '2026-10-31T23:59:59.…Z' (moving on from there)
 */
export function createServerClock(
  local: () => number = Date.now,
  // without storage the offset is learnt again from the next answer
  store: OffsetStore | null = tabStorage(),
): ServerClock {
  let offset = readOffset(store)
  const listeners = new Set<() => void>()
  return {
    now: () => local() + offset,
    local,
    observe(dateHeader, sentAt, receivedAt) {
      const server = dateHeader === undefined ? NaN : Date.parse(dateHeader)
      if (!Number.isFinite(server) || receivedAt < sentAt) return
      // The header has whole seconds: +500 ms is its expected position within the second.
      const measured = server + 500 - (sentAt + receivedAt) / 2
      const next = Math.abs(measured) < CLOCK_SKEW_MIN_MS ? 0 : Math.round(measured)
      if (Math.abs(next - offset) < CLOCK_SKEW_MIN_MS && !(next === 0 && offset !== 0)) return
      offset = next
      try {
        store?.setItem(CLOCK_STORAGE_KEY, String(offset))
      } catch {
        // a full storage only costs the next sidebar a moment on the local clock
      }
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/**
 * Governor options (`options` and their own `onEvent` kept) that show every answer's Date header,
 * success or failure, to `clock`. The clock learns from the governed client's own requests, so it
 * sends nothing itself: every request stays under the governor and the shared budget.
 *
 * @example
 * const api = createZafZendeskClient(zaf, settings, observingClock(clock, zafBudgetOptions(zaf, 'interactive')))
 */
export function observingClock<O extends GovernorOptions>(clock: ServerClock, options?: O): O {
  const given = (options ?? {}) as O
  return {
    ...given,
    onEvent: (event) => {
      // the governor's timer is the clock's local time in the app (Date.now)
      if (event.type === 'response') clock.observe(event.date, event.sentAt, event.at)
      given.onEvent?.(event)
    },
  }
}
