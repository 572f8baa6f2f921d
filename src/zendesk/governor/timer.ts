// Time for the governor and the sync: real timers in the app (jest's fake timers replace them in
// tests), or a virtual clock for simulations and benchmarks.

import { ZendeskApiError } from '../errors'
import { isAborted } from '../transport/types'

export type Timer = {
  /** Epoch ms. */
  now(): number
  /** Resolves after `ms`; rejects with a `cancelled` ZendeskApiError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

function cancelled(): ZendeskApiError {
  return new ZendeskApiError({ code: 'cancelled', endpoint: 'wait' })
}

/** `Date.now` and `setTimeout`, read at call time so jest's fake timers apply. */
export const systemTimer: Timer = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (isAborted(signal)) {
        reject(cancelled())
        return
      }
      const onAbort = (): void => {
        clearTimeout(handle)
        reject(cancelled())
      }
      const handle = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        Math.max(0, ms),
      )
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  },
}

/**
 * A clock that jumps instead of waiting: `sleep(ms)` moves time to at least `now + ms` and resolves
 * on the next macrotask. Concurrent sleepers that start together end at the later target, so it is
 * exact for sequential work (a sync, a benchmark) and an approximation for concurrent work.
 * `onAdvance` lets a simulated server's clock follow.
 */
export function createVirtualTimer(startMs: number, onAdvance?: (ms: number) => void): Timer {
  let now = startMs
  return {
    now: () => now,
    async sleep(ms, signal) {
      if (isAborted(signal)) throw cancelled()
      const target = now + Math.max(0, ms)
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (isAborted(signal)) throw cancelled()
      if (target > now) {
        const step = target - now
        now = target
        onAdvance?.(step)
      }
    },
  }
}
