// One leader among the app's background instances in one browser (one per Zendesk tab), so an
// agent with three tabs runs one team sync, not three.
//
// With the Web Locks API (every current browser) the leader is whoever holds an exclusive lock
// named after the account; the others queue for it, and the browser hands it to the next tab the
// moment the leader's tab closes or crashes. Without it, a lease in localStorage: the leader renews
// `{tabId, expiresAt}` every `heartbeatMs`; a lease a tab has not seen renewed for `leaseMs` (of its
// own waits, so clock changes do not count) is free, and a tab
// that claims it reads it back after `settleMs` so two tabs claiming at the same instant end with
// one leader. Takeover then takes at most leaseMs + heartbeatMs + settleMs (20.25 s by default).

import { systemTimer } from '../governor'
import type { Timer } from '../governor'
import type { KeyValueStore, LockManagerLike } from './tabs'

// TYPES

export type ElectionOptions = {
  /** Lock and lease name, one per account: `retention-radar-leader:<subdomain>`. */
  name: string
  /** This tab's id (the background instance's guid); random by default. */
  tabId?: string
  /** The Web Locks API, or null to use the lease. */
  locks: LockManagerLike | null
  /** Shared storage for the lease and the leader's heartbeat (localStorage in the browser). */
  store: KeyValueStore
  timer?: Timer
  /** A lease not renewed for this long is free (default 15 s). */
  leaseMs?: number
  /** How often the leader renews and the others look (default 5 s). */
  heartbeatMs?: number
  /** Wait between claiming a free lease and reading it back (default 250 ms). */
  settleMs?: number
}

/** Who leads, as stored for every tab (and the dashboard's status area) to read. */
export type LeaderRecord = {
  tabId: string
  since: number
  /** The lease's end (lease mode) or the last heartbeat + leaseMs (lock mode). */
  expiresAt: number
  mode: 'web-locks' | 'lease'
}

export type LeaderElection = {
  readonly tabId: string
  readonly mode: 'web-locks' | 'lease'
  isLeader(): boolean
  /** The current leader as last stored, or null when none is alive. */
  leader(): LeaderRecord | null
  /** Called with true when this tab becomes leader, false when it stops being leader. */
  onChange(listener: (isLeader: boolean) => void): () => void
  /** Leaves the election; a leader hands over at once. */
  stop(): void
}

export function randomTabId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto
  return c?.randomUUID?.() ?? `tab-${Math.random().toString(36).slice(2)}-${Date.now()}`
}

/** The stored leader record, or null for anything unreadable. */
export function parseLeaderRecord(raw: string | null): LeaderRecord | null {
  if (raw === null) return null
  try {
    const v = JSON.parse(raw) as Partial<LeaderRecord> | null
    if (
      v === null ||
      typeof v.tabId !== 'string' ||
      !Number.isFinite(v.since) ||
      !Number.isFinite(v.expiresAt) ||
      (v.mode !== 'web-locks' && v.mode !== 'lease')
    ) {
      return null
    }
    return v as LeaderRecord
  } catch {
    return null
  }
}

// ELECTION

export function electLeader(options: ElectionOptions): LeaderElection {
  const { name, store, locks } = options
  const timer = options.timer ?? systemTimer
  const tabId = options.tabId ?? randomTabId()
  const leaseMs = options.leaseMs ?? 15_000
  const heartbeatMs = options.heartbeatMs ?? 5_000
  const settleMs = options.settleMs ?? 250
  const mode = locks !== null ? 'web-locks' : 'lease'
  const stopper = new AbortController()
  const listeners = new Set<(isLeader: boolean) => void>()
  let leading = false
  let since = 0

  // With locks the record only tells who leads: it outlives a hidden tab's throttled timers
  // (browsers may run them once a minute); a closing leader removes it, the next one overwrites it.
  const recordMs = mode === 'web-locks' ? Math.max(leaseMs, 130_000) : leaseMs
  const read = (): LeaderRecord | null => parseLeaderRecord(store.get(name))
  const writeOwn = (): void => {
    store.set(name, JSON.stringify({ tabId, since, expiresAt: timer.now() + recordMs, mode }))
  }

  function setLeading(next: boolean): void {
    if (next === leading) return
    leading = next
    if (next) since = timer.now()
    for (const listener of [...listeners]) {
      try {
        listener(next)
      } catch (err) {
        // one failing listener must not keep the others from starting or stopping their work
        console.error('Retention Radar: leader listener failed', err)
      }
    }
  }

  /** Sleeps; false once the election is stopped. */
  async function pause(ms: number): Promise<boolean> {
    try {
      await timer.sleep(ms, stopper.signal)
      return true
    } catch {
      return false
    }
  }

  async function holdLock(lockManager: LockManagerLike): Promise<void> {
    try {
      await lockManager.request(name, { mode: 'exclusive', signal: stopper.signal }, async () => {
        if (stopper.signal.aborted) return
        setLeading(true)
        // the heartbeat only tells the others who leads; the lock itself is the leadership
        do writeOwn()
        while (await pause(heartbeatMs))
      })
    } catch {
      // aborted while queued: this tab left before it led
    } finally {
      if (leading && read()?.tabId === tabId) store.remove(name)
      setLeading(false)
    }
  }

  async function runLease(): Promise<void> {
    // Time is counted by this tab's own waits, not read from the clock: a lease is free when it was
    // not renewed during `leaseMs` of them, so setting the computer's clock back or ahead neither
    // freezes a dead leader's lease nor frees a live one.
    let elapsed = 0
    let seen: { raw: string | null; at: number } = { raw: null, at: 0 }
    for (;;) {
      const raw = store.get(name)
      const current = read()
      if (raw !== seen.raw) seen = { raw, at: elapsed }
      if (current?.tabId === tabId) {
        // ours, and nobody claimed it since (also after a reload that kept this tab's id)
        writeOwn()
        seen = { raw: store.get(name), at: elapsed }
        setLeading(true)
      } else if (current === null || elapsed - seen.at >= leaseMs) {
        setLeading(false)
        since = timer.now()
        writeOwn()
        if (!(await pause(settleMs))) break
        elapsed += settleMs
        // two tabs that claimed together both read back the last claim: one leader
        if (read()?.tabId === tabId) setLeading(true)
      } else {
        setLeading(false)
      }
      if (!(await pause(heartbeatMs))) break
      elapsed += heartbeatMs
    }
    if (leading && read()?.tabId === tabId) store.remove(name)
    setLeading(false)
  }

  void (locks !== null ? holdLock(locks) : runLease())

  return {
    tabId,
    mode,
    isLeader: () => leading,
    leader() {
      const record = read()
      return record !== null && record.expiresAt > timer.now() ? record : null
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      stopper.abort()
    },
  }
}
