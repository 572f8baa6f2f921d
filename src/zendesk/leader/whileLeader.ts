// Runs work only while this tab leads: started when it becomes leader, stopped when it stops
// being leader or when the caller gives up. The work resumes from what it stored (the team sync
// from its stored cursors), so a takeover loses nothing and repeats at most one uncommitted page.

import type { LeaderElection } from './election'

export type LeaderWork = { stop(): void }

/**
 * Calls `start` each time `election` makes this tab leader and stops what it returned when the
 * leadership ends. A `start` that throws is reported through `onError` and tried again at the next
 * leadership, never left half-running. Returns a function that stops watching (and the work).
 */
export function whileLeader(
  election: Pick<LeaderElection, 'isLeader' | 'onChange'>,
  start: () => LeaderWork,
  onError: (err: unknown) => void = (err) => console.warn('Retention Radar: leader work', err),
): () => void {
  let work: LeaderWork | null = null
  const stopWork = (): void => {
    const current = work
    work = null
    try {
      current?.stop()
    } catch (err) {
      onError(err)
    }
  }
  const startWork = (): void => {
    if (work !== null) return
    try {
      work = start()
    } catch (err) {
      onError(err)
    }
  }
  const off = election.onChange((isLeader) => (isLeader ? startWork() : stopWork()))
  if (election.isLeader()) startWork()
  return () => {
    off()
    stopWork()
  }
}
