// One API budget per browser. Every instance of the app (the background, the nav bar, each
// ticket's sidebar) has its own governor; each governor asks this ledger before every send. The
// ledger lives in storage every instance shares and is changed only under a cross-tab mutex, so
// the requests of all instances together stay within the admin's "API budget share" over any
// sliding 60 s window. The sync may never take the last `interactiveReserve` of a minute's budget,
// so sidebars are not starved by it; a 429 seen by any instance pauses all of them.

import { cancelledError } from '../errors'
import { systemTimer } from '../governor'
import type { GovernorEvent, GovernorOptions, SendGate } from '../governor'
import type { BudgetKind, BudgetUsage, LedgerState, SharedBudgetOptions } from './types'

const WINDOW_MS = 60_000

export type SharedBudget = {
  /** The gate a governor of this kind of instance consults before each send. */
  gate(kind: BudgetKind): SendGate
  /** Pauses every instance until `until` (epoch ms): a 429's Retry-After or a reset. */
  pause(until: number): Promise<void>
  /** The ledger as it stands now (no lock: a status read). */
  usage(): BudgetUsage
  /**
   * `options` plus this budget: the gate, and 429 pauses shared with every instance. Pass the result
   * to `createGovernor` / `createZafZendeskClient`.
   */
  governorOptions<O extends GovernorOptions>(kind: BudgetKind, options?: O): O
}

/** The ledger from storage; anything unreadable starts an empty ledger (never a crash). */
export function parseLedger(raw: string | null): LedgerState {
  const empty: LedgerState = { v: 1, sends: [], pauseUntil: 0, budget: 0 }
  if (raw === null) return empty
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return empty
  }
  if (typeof value !== 'object' || value === null) return empty
  const v = value as { v?: unknown; sends?: unknown; pauseUntil?: unknown; budget?: unknown }
  if (v.v !== 1 || !Array.isArray(v.sends)) return empty
  const sends = (v.sends as unknown[]).filter(
    (s): s is [number, 0 | 1] =>
      Array.isArray(s) && Number.isFinite(s[0]) && (s[1] === 0 || s[1] === 1),
  )
  sends.sort((a, b) => a[0] - b[0])
  return {
    v: 1,
    sends,
    pauseUntil: Number.isFinite(v.pauseUntil) ? Number(v.pauseUntil) : 0,
    budget: Number.isFinite(v.budget) ? Number(v.budget) : 0,
  }
}

/**
 * The longest pause a 429 can ask for here (the governor's own limit on rate-limit waits): one
 * further ahead was written before the computer's clock was set back, and is not waited for.
 */
export const MAX_PAUSE_MS = 15 * 60_000

/** The pause in force at `now`, or 0. */
function pausedUntil(state: LedgerState, now: number): number {
  return state.pauseUntil > now && state.pauseUntil <= now + MAX_PAUSE_MS ? state.pauseUntil : 0
}

/** Sends inside the window ending at `now` (a clock set back leaves no send "in the future"). */
function inWindow(state: LedgerState, now: number): [number, 0 | 1][] {
  return state.sends.filter(([at]) => at > now - WINDOW_MS && at <= now + WINDOW_MS)
}

/** Requests per minute the sync leaves to interactive instances. */
export function interactiveReserveOf(budget: number, share: number): number {
  if (budget <= 1) return 0
  return Math.min(budget - 1, Math.max(1, Math.ceil(budget * share)))
}

export function createSharedBudget(options: SharedBudgetOptions): SharedBudget {
  const { key, store, mutex } = options
  const timer = options.timer ?? systemTimer
  const reserveShare = Math.min(0.9, Math.max(0, options.interactiveReserve ?? 0.25))

  const read = (): LedgerState => parseLedger(store.get(key))
  const write = (state: LedgerState): void => store.set(key, JSON.stringify(state))

  /** Takes a slot now (returns 0) or says how long to wait before asking again. */
  async function tryTake(kind: BudgetKind, budgetPerMinute: number): Promise<number> {
    return mutex.run(() => {
      const now = timer.now()
      const state = read()
      const sends = inWindow(state, now)
      const paused = pausedUntil(state, now)
      if (paused > 0) return paused - now
      const budget = Math.max(1, Math.floor(budgetPerMinute))
      const limit = kind === 'sync' ? budget - interactiveReserveOf(budget, reserveShare) : budget
      if (sends.length < limit) {
        sends.push([now, kind === 'sync' ? 0 : 1])
        write({ v: 1, sends, pauseUntil: paused, budget })
        return 0
      }
      // the send that must leave the window before this one fits
      const oldest = sends[sends.length - limit]?.[0] ?? now
      return Math.max(1, oldest + WINDOW_MS - now)
    })
  }

  function gate(kind: BudgetKind): SendGate {
    return {
      async acquire(request, signal) {
        for (;;) {
          if (signal.aborted) throw cancelledError(request.endpoint)
          const wait = await tryTake(kind, request.budgetPerMinute)
          if (wait === 0) return
          // a pause or a free slot can only come with time; re-check then (another instance may
          // have taken the slot, or paused everyone meanwhile)
          await timer.sleep(Math.ceil(wait), signal)
        }
      },
    }
  }

  async function pause(until: number): Promise<void> {
    if (!Number.isFinite(until)) return
    await mutex.run(() => {
      const state = read()
      const now = timer.now()
      if (until <= pausedUntil(state, now)) return
      write({ ...state, sends: inWindow(state, now), pauseUntil: until })
    })
  }

  function usage(): BudgetUsage {
    const now = timer.now()
    const state = read()
    const sends = inWindow(state, now)
    const sync = sends.filter(([, k]) => k === 0).length
    return {
      used: sends.length,
      sync,
      interactive: sends.length - sync,
      budget: state.budget,
      pausedUntil: pausedUntil(state, now) || null,
    }
  }

  function governorOptions<O extends GovernorOptions>(kind: BudgetKind, given?: O): O {
    const base = (given ?? {}) as O
    const observe = base.onEvent
    return {
      ...base,
      sendGate: gate(kind),
      onEvent: (event: GovernorEvent) => {
        // a 429 or "remaining 0" seen here pauses every instance of the app in this browser
        if (event.type === 'pause') void pause(event.until).catch(() => undefined)
        observe?.(event)
      },
    }
  }

  return { gate, pause, usage, governorOptions }
}
