// The team sync, run only while this tab leads. Every tab's background asks for a sync as before;
// this wrapper starts a fresh one (which resumes from the cursors in the store) each time the tab
// becomes leader and stops it when the tab stops leading, so a browser runs one sync however many
// Zendesk tabs are open, and a takeover loses nothing.

import type { LeaderElection } from './election'

/** What the wrapper needs of a sync (TeamSync has it). */
export type StartableSync<P> = {
  start(): Promise<void>
  stop(): void
  progress(): P
  runOnce(): Promise<P>
}

export type LeaderOnlySyncOptions = {
  /** Told when a sync ended on its own while leading (e.g. the store could not be written). */
  onEnded?: (error: unknown) => void
}

/**
 * A sync with the shape of `create()`'s that runs only while `election` makes this tab leader.
 * `start()` resolves once `stop()` is called (or the election ends); `progress()` is the current
 * (or last) sync's.
 *
 * @example
 * const sync = leaderOnlySync(election, () => createTeamSync({ client, db, onCommit }))
 * void sync.start()
 */
export function leaderOnlySync<P, S extends StartableSync<P>>(
  election: Pick<LeaderElection, 'isLeader' | 'onChange'>,
  create: () => S,
  options: LeaderOnlySyncOptions = {},
): StartableSync<P> {
  let current: S = create()
  let used = false
  let running = false
  let stopped = false
  let off: (() => void) | null = null
  let release: () => void = () => undefined

  function lead(): void {
    if (running || stopped) return
    if (used) current = create()
    used = true
    running = true
    const sync = current
    sync.start().then(
      () => {
        if (sync === current) running = false
      },
      (err: unknown) => {
        if (sync === current) running = false
        options.onEnded?.(err)
      },
    )
  }

  function follow(): void {
    if (!running) return
    running = false
    current.stop()
  }

  return {
    start() {
      if (stopped || off !== null) return Promise.resolve()
      off = election.onChange((isLeader) => (isLeader ? lead() : follow()))
      if (election.isLeader()) lead()
      return new Promise<void>((resolve) => (release = resolve))
    },
    stop() {
      if (stopped) return
      stopped = true
      off?.()
      follow()
      release()
    },
    progress: () => current.progress(),
    runOnce: () => current.runOnce(),
  }
}
