// The account baseline agents' browsers cannot compute (they cannot run the incremental export):
// a KPI-role user's background publishes it to one custom object record, and sidebars read that
// record with one request, cached for a day in localStorage per account.

import { parseBaselineRecord } from '@/core'
import type { AccountBaseline, BaselineRecord, BaselineRecordErrorCode } from '@/core'

import type { ZendeskClient } from '../api/client'
import { buildPath } from '../api/client'
import { endpointOf, isZendeskApiError, payloadError } from '../errors'
import type { ApiErrorCode } from '../errors'
import { z } from '../schemas/z'

/** The custom object requirements.json declares, and its one record. */
export const BASELINE_OBJECT_KEY = 'retention_radar_baseline'
export const BASELINE_EXTERNAL_ID = 'account-baseline'
export const BASELINE_RECORD_NAME = 'Account baseline'

/** How long a read baseline is reused before asking Zendesk again. */
export const BASELINE_CACHE_MS = 24 * 60 * 60_000
/** "No baseline yet" is asked again sooner: the first one may be published any minute. */
export const NO_BASELINE_CACHE_MS = 60 * 60_000

const CACHE_VERSION = 1

/** What a sidebar gets: the baseline, or why there is none (the model then uses the settings). */
export type SharedBaseline =
  | {
      status: 'ok'
      baseline: AccountBaseline
      record: BaselineRecord
      /** Epoch ms the baseline was computed as of. */
      computedAt: number
      /** Whether this answer came from the day's cache or from Zendesk. */
      from: 'cache' | 'zendesk'
    }
  | {
      status: 'missing'
      /** `no-object`: the custom object is not installed (404); `no-record`: nothing published yet. */
      reason: 'no-object' | 'no-record'
      message: string
      fallback: 'threshold-settings'
    }
  | {
      status: 'invalid'
      /** Bad JSON, a wrong field, or a record of another app version (`otherVersion`). */
      reason: BaselineRecordErrorCode
      message: string
      fallback: 'threshold-settings'
    }
  | {
      status: 'unavailable'
      /** The request failed (network, rate limit, permissions…); not cached, asked again next time. */
      reason: ApiErrorCode | 'failed'
      message: string
      fallback: 'threshold-settings'
    }

export type SharedBaselineOptions = {
  /** The account (subdomain): the cache key. */
  account: string
  /** Default: `window.localStorage` when there is one; null turns caching off. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null
  now?: () => number
  /** Skip the cache (after a `baseline` change notice). */
  force?: boolean
  /** Default BASELINE_OBJECT_KEY. */
  objectKey?: string
  /**
   * The browser's lock manager (default `navigator.locks` when there is one; null: no lock). The
   * sidebar and the background read the baseline at the same moment in a fresh browser; under one
   * lock per account only the first asks Zendesk and the other takes its answer from the cache.
   */
  locks?: Pick<LockManager, 'request'> | null
}

// RECORD API

const recordSchema = z.object({
  id: z.optional(z.string()),
  external_id: z.optional(z.nullable(z.string())),
  custom_object_fields: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
})
const listSchema = z.object({ custom_object_records: z.array(recordSchema) })
const oneSchema = z.object({ custom_object_record: recordSchema })

function recordsPath(objectKey: string): string {
  return `/api/v2/custom_objects/${encodeURIComponent(objectKey)}/records`
}

// CACHE

type CacheEntry = {
  v: typeof CACHE_VERSION
  fetchedAt: number
  /** The record's payload text, or null when there was no record / no object. */
  payload: string | null
  missing: 'no-object' | 'no-record' | null
}

const cacheEntrySchema = z.object({
  v: z.literal(CACHE_VERSION),
  // zod 4 numbers are finite: NaN and ±Infinity are refused
  fetchedAt: z.number(),
  payload: z.nullable(z.string()),
  missing: z.nullable(z.enum(['no-object', 'no-record'])),
})

/** The localStorage key of an account's cached baseline. */
export function baselineCacheKey(account: string): string {
  return `retention-radar:baseline:${account}`
}

function storageOf(options: SharedBaselineOptions): SharedBaselineOptions['storage'] {
  if (options.storage !== undefined) return options.storage
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // storage blocked (third-party iframe settings)
  }
}

function readCache(options: SharedBaselineOptions, now: number): CacheEntry | null {
  const storage = storageOf(options)
  if (!storage) return null
  try {
    const text = storage.getItem(baselineCacheKey(options.account))
    if (text === null) return null
    const parsed = cacheEntrySchema.safeParse(JSON.parse(text))
    // a corrupt entry is ignored (and replaced by the next answer), never trusted
    if (!parsed.success) return null
    const entry = parsed.data
    const age = now - entry.fetchedAt
    const ttl = entry.missing === null ? BASELINE_CACHE_MS : NO_BASELINE_CACHE_MS
    return age >= 0 && age < ttl ? entry : null
  } catch {
    return null
  }
}

function locksOf(options: SharedBaselineOptions): Pick<LockManager, 'request'> | null {
  if (options.locks !== undefined) return options.locks
  // absent outside secure contexts and in older engines, whatever lib.dom says
  const locks =
    typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | undefined)
  return locks ?? null
}

function writeCache(options: SharedBaselineOptions, entry: CacheEntry): void {
  const storage = storageOf(options)
  if (!storage) return
  try {
    storage.setItem(baselineCacheKey(options.account), JSON.stringify(entry))
  } catch (err) {
    // a full or blocked storage only costs a request next time
    console.warn('Retention Radar: could not cache the shared baseline', err)
  }
}

const FALLBACK_NOTE = 'tiers use the threshold settings'

function answerOf(entry: CacheEntry, from: 'cache' | 'zendesk'): SharedBaseline {
  if (entry.missing === 'no-object') {
    return {
      status: 'missing',
      reason: 'no-object',
      message: `No shared baseline: the ${BASELINE_OBJECT_KEY} custom object is not installed; ${FALLBACK_NOTE}`,
      fallback: 'threshold-settings',
    }
  }
  if (entry.payload === null) {
    return {
      status: 'missing',
      reason: 'no-record',
      message: `No shared baseline yet: a team lead's browser publishes it after its first full sync; ${FALLBACK_NOTE}`,
      fallback: 'threshold-settings',
    }
  }
  const parsed = parseBaselineRecord(entry.payload)
  if (!parsed.ok) {
    return {
      status: 'invalid',
      reason: parsed.error.code,
      message: `The shared baseline cannot be used (${parsed.error.message}); ${FALLBACK_NOTE}`,
      fallback: 'threshold-settings',
    }
  }
  return {
    status: 'ok',
    baseline: parsed.baseline,
    record: parsed.record,
    computedAt: parsed.computedAt,
    from,
  }
}

async function fetchEntry(
  client: ZendeskClient,
  objectKey: string,
  now: number,
): Promise<CacheEntry> {
  try {
    const body = await client.get(
      recordsPath(objectKey),
      { 'filter[external_ids]': BASELINE_EXTERNAL_ID },
      listSchema,
    )
    const record = body.custom_object_records.find((r) => r.external_id === BASELINE_EXTERNAL_ID)
    if (record === undefined)
      return { v: CACHE_VERSION, fetchedAt: now, payload: null, missing: 'no-record' }
    const payload = record.custom_object_fields?.payload
    // a non-text payload is kept as text so the parser names what is wrong with it
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload ?? null)
    return { v: CACHE_VERSION, fetchedAt: now, payload: text, missing: null }
  } catch (err) {
    if (isZendeskApiError(err) && err.code === 'not_found') {
      return { v: CACHE_VERSION, fetchedAt: now, payload: null, missing: 'no-object' }
    }
    throw err
  }
}

/**
 * The shared baseline with one GET (custom object records filtered by external id), reused from
 * localStorage for a day. Never throws: a missing object or record, a record with bad JSON or of
 * another app version, or a failed request each give a status and a message, and say that the
 * model falls back to the threshold settings.
 *
 * @example
 * const shared = await readSharedBaseline(client, { account: 'acme' })
 * if (shared.status !== 'ok') console.info(shared.message)
 */
export async function readSharedBaseline(
  client: ZendeskClient,
  options: SharedBaselineOptions,
): Promise<SharedBaseline> {
  const clock = options.now ?? Date.now
  const asked = clock()
  if (options.force !== true) {
    const cached = readCache(options, asked)
    if (cached !== null) return answerOf(cached, 'cache')
  }
  const read = async (): Promise<SharedBaseline> => {
    const now = clock()
    // Another frame may have asked Zendesk while this one waited for the lock: an answer fetched
    // since this call began is as fresh as a new one, even for a forced read.
    const cached = readCache(options, now)
    if (cached !== null && (options.force !== true || cached.fetchedAt >= asked)) {
      return answerOf(cached, 'cache')
    }
    try {
      const entry = await fetchEntry(client, options.objectKey ?? BASELINE_OBJECT_KEY, now)
      writeCache(options, entry)
      return answerOf(entry, 'zendesk')
    } catch (err) {
      return {
        status: 'unavailable',
        reason: isZendeskApiError(err) ? err.code : 'failed',
        message: `Could not read the shared baseline (${err instanceof Error ? err.message : String(err)}); ${FALLBACK_NOTE}`,
        fallback: 'threshold-settings',
      }
    }
  }
  const locks = locksOf(options)
  if (locks === null) return read()
  try {
    return await locks.request(baselineCacheKey(options.account), read)
  } catch {
    // a lock manager that refuses (a sandboxed frame) only costs a second request
    return read()
  }
}

/**
 * Creates or updates the one baseline record (upsert by external id) and, when `account` is
 * given, refreshes this browser's cache with it. Throws a ZendeskApiError when Zendesk refuses.
 *
 * @example
 * await publishBaseline(client, baselineRecord(baseline, { computedAt: now, currency: 'USD' }))
 */
export async function publishBaseline(
  client: ZendeskClient,
  record: BaselineRecord,
  options: Partial<SharedBaselineOptions> = {},
): Promise<void> {
  const payload = JSON.stringify(record)
  const path = buildPath(recordsPath(options.objectKey ?? BASELINE_OBJECT_KEY), {
    external_id: BASELINE_EXTERNAL_ID,
  })
  const res = await client.governor.execute({
    method: 'PATCH',
    path,
    body: {
      custom_object_record: {
        name: BASELINE_RECORD_NAME,
        custom_object_fields: {
          payload,
          schema_version: record.schemaVersion,
          computed_at: record.computedAt,
        },
      },
    },
  })
  const parsed = oneSchema.safeParse(res.json)
  if (!parsed.success) throw payloadError(endpointOf('PATCH', path), parsed.error)
  if (options.account !== undefined) {
    const now = (options.now ?? Date.now)()
    writeCache(
      { ...options, account: options.account },
      { v: CACHE_VERSION, fetchedAt: now, payload, missing: null },
    )
  }
}
