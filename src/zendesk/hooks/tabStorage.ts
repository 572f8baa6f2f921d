/**
 * This browser tab's sessionStorage, or null where the frame may not use it (storage blocked in
 * third-party frames, or no DOM): the callers then work without their tab cache.
 */
export function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

/**
 * The entry under `key` when `isEntry` accepts what it holds; a damaged entry (not JSON, or not
 * what `isEntry` expects) is removed and reads as undefined, as does a storage that throws.
 *
 * @example
 * readEntry(sessionStorage, 'retention-radar-writes:v1:acme:100', isLastWrite)
 */
export function readEntry<T>(
  store: Storage,
  key: string,
  isEntry: (value: unknown) => value is T,
): T | undefined {
  try {
    const raw = store.getItem(key)
    if (raw === null) return undefined
    const parsed: unknown = JSON.parse(raw)
    if (isEntry(parsed)) return parsed
  } catch {
    // unreadable: removed below
  }
  try {
    store.removeItem(key)
  } catch {
    // storage gone: nothing is kept anyway
  }
  return undefined
}

/**
 * Makes room for one more entry under `prefix`: removes the oldest (by the epoch ms `time` reads
 * from an entry's text) until fewer than `max` are left. Throws what the storage throws.
 *
 * @example
 * makeRoom(sessionStorage, 'retention-radar-history:v2:', 30, /"fetchedAt":(\d+)/)
 */
export function makeRoom(store: Storage, prefix: string, max: number, time: RegExp): void {
  const entries: { key: string; at: number }[] = []
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)
    if (key === null || !key.startsWith(prefix)) continue
    entries.push({ key, at: Number(time.exec(store.getItem(key) ?? '')?.[1] ?? 0) })
  }
  entries.sort((a, b) => a.at - b.at)
  while (entries.length >= max) store.removeItem(entries.shift()?.key ?? '')
}
