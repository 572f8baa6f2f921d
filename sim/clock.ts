// The account clock. Data never depends on the wall clock: a manual clock starts at the account's end
// instant and moves only when told; a realtime clock (used by `npm run sim`) starts there too and then
// follows the wall clock, optionally faster.

export type SimClock = {
  /** Current account time in ms since the epoch. */
  now: () => number
  /** Moves the clock forward by `ms` (manual clocks; realtime clocks shift their offset). */
  advance: (ms: number) => void
  /** Sets the clock to an instant; moving backwards is an error (tickets cannot un-happen). */
  set: (ms: number) => void
  readonly mode: 'manual' | 'realtime'
}

export function createManualClock(startMs: number): SimClock {
  let now = startMs
  return {
    mode: 'manual',
    now: () => now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock: cannot advance by ${ms} ms`)
      now += ms
    },
    set(ms) {
      if (!Number.isFinite(ms) || ms < now) throw new Error('clock: cannot move backwards')
      now = ms
    },
  }
}

/** A clock that starts at `startMs` and runs with the wall clock × `speed`. */
export function createRealtimeClock(
  startMs: number,
  speed = 1,
  wall: () => number = () => Date.now(),
): SimClock {
  const wall0 = wall()
  let offset = 0
  let last = startMs
  const now = (): number => {
    const t = Math.floor(startMs + (wall() - wall0) * speed + offset)
    last = Math.max(last, t)
    return last
  }
  return {
    mode: 'realtime',
    now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock: cannot advance by ${ms} ms`)
      offset += ms
    },
    set(ms) {
      const current = now()
      if (!Number.isFinite(ms) || ms < current) throw new Error('clock: cannot move backwards')
      offset += ms - current
    },
  }
}
