// What the warnings remember across reloads, in storage every tab of the browser shares:
// - the warnings already given (so each is given once, whichever tab gives it);
// - the warnings standing now, for the sidebar banner of any open ticket.
// Both per account and agent. Unreadable entries are dropped, never a crash.

import type { SlaWarning, SlaWarningRecord } from '@/core'
import { pruneSlaWarnings, slaWarningKey } from '@/core'
import type { KeyValueStore } from '../leader/tabs'

export function warnedKey(subdomain: string, userId: number): string {
  return `retention-radar-sla-warned:${subdomain}:${userId}`
}

export function standingKey(subdomain: string, userId: number): string {
  return `retention-radar-sla-standing:${subdomain}:${userId}`
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

function parseList(raw: string | null): unknown[] {
  if (raw === null) return []
  try {
    const v: unknown = JSON.parse(raw)
    return Array.isArray(v) ? (v as unknown[]) : []
  } catch {
    return []
  }
}

/** The fields a given warning and a standing one share: which ticket, target and assignee. */
function isTarget(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false
  const r = v as Record<string, unknown>
  return (
    isNum(r.ticketId) && typeof r.metric === 'string' && isNum(r.assigneeId) && isNum(r.breachAt)
  )
}

function isRecord(v: unknown): v is SlaWarningRecord {
  return isTarget(v) && isNum(v.warnedAt)
}

function isWarning(v: unknown): v is SlaWarning {
  return isTarget(v) && isNum(v.minutesLeft) && (v.tier === 'gold' || v.tier === 'platinum')
}

/** The warnings given, by `slaWarningKey`. */
export function readWarned(store: KeyValueStore, key: string): Map<string, SlaWarningRecord> {
  const records = parseList(store.get(key)).filter(isRecord)
  return new Map(records.map((r) => [slaWarningKey(r.ticketId, r.metric, r.assigneeId), r]))
}

/** Adds given warnings to the memory, dropping those whose breach is over a day old. */
export function rememberWarned(
  store: KeyValueStore,
  key: string,
  given: readonly SlaWarningRecord[],
  now: number,
): void {
  const all = readWarned(store, key)
  for (const r of given) all.set(slaWarningKey(r.ticketId, r.metric, r.assigneeId), r)
  store.set(key, JSON.stringify(pruneSlaWarnings([...all.values()], now)))
}

/** The warnings standing now (published by the tab that polls). */
export function readStanding(store: KeyValueStore, key: string): SlaWarning[] {
  return parseList(store.get(key)).filter(isWarning)
}

export function writeStanding(
  store: KeyValueStore,
  key: string,
  warnings: readonly SlaWarning[],
): void {
  store.set(key, JSON.stringify(warnings))
}
