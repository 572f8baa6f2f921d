// The sidebar's last completed writes per ticket in this browser tab, kept in sessionStorage. A
// ticket opened again (a new sidebar frame) then follows the same rule as a ticket left open: time
// passing alone rewrites the score field at most every `REWRITE_AFTER_MS`, so agents going back and
// forth between tickets do not fill their audit logs with one-point moves.

import { makeRoom, readEntry, tabStorage } from './tabStorage'

/** How often time passing alone (SLA urgency, waiting time) may rewrite the score field. */
export const REWRITE_AFTER_MS = 15 * 60_000

// The version changes with LastWrite's shape, so a tab never reads an older one.
const PREFIX = 'retention-radar-writes:v1:'
/** Tickets kept per tab; the oldest writes go first. */
export const WRITE_LOG_ENTRIES = 50

/** One write of a ticket's score and tier tag. */
export type LastWrite = {
  /** The ticket's written-to state: its fields that change the score, the field id, the tag setting. */
  key: string
  /** The score field's value (null: no field written). */
  value: number | null
  tier: string
  /** Epoch ms of the write. */
  at: number
}

/**
 * Whether a ticket whose last write was `prev` is written again for `next`: when anything but the
 * time changed (the ticket, the field, the tag setting or the tier), or when the value moved and
 * the last write is `REWRITE_AFTER_MS` old.
 *
 * @example
 * shouldWrite({ key: 'k', value: 70, tier: 'gold', at: 0 }, { key: 'k', value: 71, tier: 'gold', at: 60_000 }) //=> false
 */
export function shouldWrite(prev: LastWrite | null, next: LastWrite): boolean {
  if (prev === null || prev.key !== next.key || prev.tier !== next.tier) return true
  if (prev.value === next.value) return false
  return next.at - prev.at >= REWRITE_AFTER_MS
}

export type ScoreWriteLog = {
  read(subdomain: string, ticketId: number): LastWrite | null
  write(subdomain: string, ticketId: number, last: LastWrite): void
  /** After a write that failed or waits for the agent: the next open writes again. */
  forget(subdomain: string, ticketId: number): void
}

function isLastWrite(value: unknown): value is LastWrite {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<LastWrite>
  return (
    typeof v.key === 'string' &&
    (v.value === null || typeof v.value === 'number') &&
    typeof v.tier === 'string' &&
    typeof v.at === 'number'
  )
}

/**
 * The tab's write log (a no-op without storage). A damaged entry is ignored and removed; a full
 * storage only means the next open writes again.
 *
 * @example
 * scoreWriteLog().read('acme', 19987)?.value //=> 71
 */
export function scoreWriteLog(store: Storage | null = tabStorage()): ScoreWriteLog {
  const keyOf = (subdomain: string, id: number) => `${PREFIX}${subdomain}:${id}`
  return {
    read(subdomain, ticketId) {
      if (store === null) return null
      return readEntry(store, keyOf(subdomain, ticketId), isLastWrite) ?? null
    },
    write(subdomain, ticketId, last) {
      if (store === null) return
      try {
        makeRoom(store, PREFIX, WRITE_LOG_ENTRIES, /"at":(\d+)/)
        store.setItem(keyOf(subdomain, ticketId), JSON.stringify(last))
      } catch {
        // full or blocked: the next open writes again
      }
    },
    forget(subdomain, ticketId) {
      try {
        store?.removeItem(keyOf(subdomain, ticketId))
      } catch {
        // storage gone: nothing is kept anyway
      }
    },
  }
}
