// A background that does not lead the sync learns of the leader's commits only by notice and must
// reread the whole store to see them (seconds over a million tickets). This paces those rereads:
// at most one per interval, the rest of the time answering from the account it holds and saying
// since when that is behind.

/** Least time between two store reloads of a tab that does not lead the sync. */
export const FOLLOWER_RELOAD_MS = 30_000

export type StaleReloadOptions = {
  /** Rereads the account from the store and swaps it in. */
  reload: () => Promise<void>
  /** Least ms between the starts of two reloads; default FOLLOWER_RELOAD_MS. */
  everyMs?: number
  now?: () => number
  /** Where a failed reload is reported (the account held stays in use). */
  onError?: (err: unknown) => void
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

export type StaleReload = {
  /** Another tab committed changes at `at` (epoch ms): the account held is behind from then. */
  markStale(at: number): void
  /**
   * Call before answering. When behind and no reload started in the last interval, reloads and
   * resolves after it; otherwise resolves at once (answer from the account held) and makes sure a
   * reload follows when the interval is over.
   */
  beforeAnswer(): Promise<void>
  /** Epoch ms of the earliest change the account held does not have; null when it is current. */
  behindSince(): number | null
  stop(): void
}

/**
 * Paces the store reloads of a tab that does not lead the sync (see FOLLOWER_RELOAD_MS).
 *
 * @example
 * const pacer = staleReload({ reload: async () => { account = await loadAccount(db) } })
 * subscribeChanges(subdomain, (n) => pacer.markStale(n.at))
 * const answer = async () => { await pacer.beforeAnswer(); return account }
 */
export function staleReload(options: StaleReloadOptions): StaleReload {
  const every = options.everyMs ?? FOLLOWER_RELOAD_MS
  const now = options.now ?? Date.now
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms))
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>))
  let behind: number | null = null
  /** Changes noticed after the running reload started: it may not hold them. */
  let behindDuringReload: number | null = null
  let lastStart: number | null = null
  let running: Promise<void> | null = null
  /** The running reload was started by an answer that waits for it: the others wait too. */
  let awaited = false
  let timer: unknown = null
  let stopped = false

  const start = (waitedFor: boolean): Promise<void> => {
    lastStart = now()
    awaited = waitedFor
    behindDuringReload = null
    const was = behind
    running = options
      .reload()
      .then(
        () => {
          behind = behindDuringReload
        },
        (err: unknown) => {
          // the account held stays; still behind since the same change
          behind = minAt(was, behindDuringReload)
          options.onError?.(err)
        },
      )
      .finally(() => {
        running = null
        behindDuringReload = null
      })
    return running
  }

  const schedule = () => {
    if (timer !== null || stopped || lastStart === null) return
    timer = setTimer(
      () => {
        timer = null
        if (!stopped && behind !== null && running === null) void start(false)
      },
      Math.max(0, lastStart + every - now()),
    )
  }

  return {
    markStale(at) {
      behind = minAt(behind, at)
      if (running !== null) behindDuringReload = minAt(behindDuringReload, at)
    },
    beforeAnswer() {
      if (behind === null || stopped) return Promise.resolve()
      if (running !== null) {
        if (awaited) return running
        schedule()
        return Promise.resolve()
      }
      if (lastStart === null || now() - lastStart >= every) return start(true)
      schedule()
      return Promise.resolve()
    },
    behindSince: () => behind,
    stop() {
      stopped = true
      if (timer !== null) clearTimer(timer)
      timer = null
    },
  }
}

function minAt(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.min(a, b)
}
