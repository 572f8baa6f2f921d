// Fake browser tabs for leader tests: one shared localStorage and one shared Web Locks manager;
// each tab has its own timer and storage view so it can be killed (its timers never fire again,
// its writes are lost, the browser releases its locks) or closed (a clean `stop`).
import { systemTimer } from '@/zendesk/governor'
import type { Timer } from '@/zendesk/governor'
import { electLeader } from '@/zendesk/leader'
import type { KeyValueStore, LeaderElection, LockManagerLike } from '@/zendesk/leader'
import { memoryStore } from '@/zendesk/leader/tabs'

type Waiter = { tab: string; grant: () => void; drop: () => void }

/** A Web Locks manager for several fake tabs: exclusive locks, granted in request order. */
export function fakeLockManager() {
  const held = new Map<string, { tab: string }>()
  const queues = new Map<string, Waiter[]>()

  const queue = (name: string): Waiter[] => {
    let q = queues.get(name)
    if (q === undefined) queues.set(name, (q = []))
    return q
  }
  function next(name: string): void {
    if (held.has(name)) return
    queue(name).shift()?.grant()
  }
  function release(name: string, holder: { tab: string }): void {
    if (held.get(name) !== holder) return
    held.delete(name)
    next(name)
  }

  return {
    holder: (name: string) => held.get(name)?.tab ?? null,
    forTab(tab: string): LockManagerLike {
      return {
        request<T>(
          name: string,
          options: { signal?: AbortSignal },
          callback: (lock: unknown) => Promise<T> | T,
        ): Promise<T> {
          return new Promise<T>((resolve, reject) => {
            const waiter: Waiter = {
              tab,
              grant: () => {
                const holder = { tab }
                held.set(name, holder)
                Promise.resolve()
                  .then(() => callback({ name }))
                  .then(
                    (value) => {
                      release(name, holder)
                      resolve(value)
                    },
                    (err: unknown) => {
                      release(name, holder)
                      reject(err instanceof Error ? err : new Error(String(err)))
                    },
                  )
              },
              drop: () => reject(new Error('AbortError')),
            }
            options.signal?.addEventListener('abort', () => {
              const q = queue(name)
              const i = q.indexOf(waiter)
              if (i >= 0) {
                q.splice(i, 1)
                waiter.drop()
              }
            })
            queue(name).push(waiter)
            next(name)
          })
        },
      }
    },
    /** What the browser does when a tab's process dies: its locks go, its queued requests too. */
    kill(tab: string): void {
      for (const q of queues.values()) {
        for (const w of q.filter((x) => x.tab === tab)) q.splice(q.indexOf(w), 1)
      }
      for (const [name, holder] of [...held]) if (holder.tab === tab) release(name, holder)
    },
  }
}

export type FakeTab = {
  id: string
  election: LeaderElection
  timer: Timer
  store: KeyValueStore
  alive: () => boolean
  kill(): void
  close(): void
}

/**
 * `latencyMs`: how long one tab's localStorage write takes to reach the other tabs (separate
 * processes in a real browser), so two tabs can both read a free lease before either claim lands.
 */
export function fakeBrowser(
  mode: 'web-locks' | 'lease',
  options: { latencyMs?: number; settleMs?: number } = {},
) {
  const latencyMs = options.latencyMs ?? 20
  const store = memoryStore()
  const locks = fakeLockManager()
  const tabs: FakeTab[] = []

  function open(id: string): FakeTab {
    const life = { dead: false }
    const isDead = (): boolean => life.dead
    const never = new Promise<void>(() => undefined)
    const timer: Timer = {
      now: () => Date.now(),
      sleep: async (ms, signal) => {
        if (life.dead) return never
        await systemTimer.sleep(ms, signal)
        // killed while asleep: never wakes
        if (isDead()) return never
      },
    }
    // this tab sees its own writes at once, the others after `latencyMs`
    const own = new Map<string, string | null>()
    const land = (k: string, v: string | null): void => {
      if (life.dead) return
      own.set(k, v)
      setTimeout(() => {
        if (v === null) store.remove(k)
        else store.set(k, v)
        if (own.get(k) === v) own.delete(k)
      }, latencyMs)
    }
    const view: KeyValueStore = {
      get: (k) => (own.has(k) ? (own.get(k) ?? null) : store.get(k)),
      set: (k, v) => land(k, v),
      remove: (k) => land(k, null),
    }
    const election = electLeader({
      name: 'retention-radar-leader:acme',
      tabId: id,
      locks: mode === 'web-locks' ? locks.forTab(id) : null,
      store: view,
      timer,
      ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
    })
    const tab: FakeTab = {
      id,
      election,
      timer,
      store: view,
      alive: () => !life.dead,
      kill() {
        life.dead = true
        locks.kill(id)
      },
      close: () => election.stop(),
    }
    tabs.push(tab)
    return tab
  }

  const leaders = (): string[] =>
    tabs.filter((t) => t.alive() && t.election.isLeader()).map((t) => t.id)

  return { store, locks, tabs, open, leaders }
}
