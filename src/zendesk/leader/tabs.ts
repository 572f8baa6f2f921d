// What the app's instances in one browser share: every location's iframe is served from the app's
// own origin, so they share localStorage, BroadcastChannel and the Web Locks API. These small
// seams let the leader election and the shared budget run on the real browser APIs and, in tests,
// on in-memory fakes that several simulated tabs share.

// TYPES

/** A string store shared by every tab (localStorage in the browser). */
export type KeyValueStore = {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

/** Runs `fn` while no other tab runs a function under the same mutex. */
export type Mutex = {
  run<T>(fn: () => Promise<T> | T): Promise<T>
}

/** The subset of the Web Locks API used here (`navigator.locks`). */
export type LockManagerLike = {
  request<T>(
    name: string,
    options: { mode?: 'exclusive' | 'shared'; ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T>
}

// BROWSER

/** `navigator.locks` when the browser has it (not in older Safari, not in jsdom). */
export function browserLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator
  return nav?.locks !== undefined && typeof nav.locks.request === 'function' ? nav.locks : null
}

let probed: { store: KeyValueStore | null } | null = null

/**
 * localStorage, or null when it is missing or refused (private modes, storage disabled): callers
 * then fall back to in-memory state and say so. Probed once per document: a probe is a write, and
 * every write fires a `storage` event in the app's other frames.
 */
export function browserStore(): KeyValueStore | null {
  if (probed === null) probed = { store: probeLocalStorage() }
  return probed.store
}

function probeLocalStorage(): KeyValueStore | null {
  let storage: Storage
  try {
    const candidate = (globalThis as { localStorage?: Storage }).localStorage
    if (candidate === undefined) return null
    storage = candidate
    const probe = '__retention-radar-probe__'
    storage.setItem(probe, '1')
    storage.removeItem(probe)
  } catch {
    return null
  }
  return {
    get: (key) => {
      try {
        return storage.getItem(key)
      } catch {
        return null
      }
    },
    set: (key, value) => {
      try {
        storage.setItem(key, value)
      } catch {
        // quota or a revoked permission: the caller's state stays in memory this round
      }
    },
    remove: (key) => {
      try {
        storage.removeItem(key)
      } catch {
        // as above
      }
    },
  }
}

// MEMORY (one tab, or tests where several fake tabs share one instance)

export function memoryStore(): KeyValueStore & { dump(): Record<string, string> } {
  const data = new Map<string, string>()
  return {
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
    dump: () => Object.fromEntries(data),
  }
}

/** A mutex for one JavaScript realm: callers queue in order. */
export function memoryMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run<T>(fn: () => Promise<T> | T): Promise<T> {
      const result = tail.then(fn, fn)
      tail = result.catch(() => undefined)
      return result
    },
  }
}

/**
 * A mutex across tabs on the Web Locks API when there is one; otherwise per tab only (localStorage
 * has no compare-and-set, so two tabs can then interleave one read-modify-write: documented in
 * docs/background.md as the fallback's limit).
 */
export function tabMutex(name: string, locks: LockManagerLike | null = browserLocks()): Mutex {
  if (locks === null) return memoryMutex()
  return {
    run: (fn) => locks.request(name, { mode: 'exclusive' }, () => fn()),
  }
}
