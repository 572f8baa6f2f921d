// The ReportSource over a LoadedAccount: the background's live account answers with CORE's view
// models, so the dashboard sees exactly what `npm run kpi` computes from the same data. Derived
// data (the ticket list, tier maps) is kept per account version and rebuilt after a commit.

import {
  drillDownIds,
  rangeEnd,
  retentionForRange,
  retentionIndex,
  tierSegments,
  valueModelSettings,
} from '@/core'
import type {
  CustomerProfile,
  DrillDownTicket,
  Figure,
  KpiReport,
  ReportRange,
  RetentionIndex,
  TierSegments,
  ValueModelSettings,
  ValueModelSettingsSource,
} from '@/core'

import type { LoadedAccount, StoredTicket } from '../store/types'
import { ReportSourceError } from './errors'
import type {
  DrillTicket,
  NameLookup,
  ReportSource,
  ReportSourceStatus,
  RetentionReportData,
} from './types'

/** What the team sync tells the status line (the background keeps it from the sync's progress). */
export type SyncStatusInput = {
  /** The first full sync has finished. */
  complete: boolean
  /** Epoch ms of the last committed page. */
  updatedAt: number | null
  source: ReportSourceStatus['source']
  slaAvailable: boolean
  totalTickets?: number | null
  etaMs?: number | null
  /** The account held misses another tab's changes since then (epoch ms); see `staleReload`. */
  behindSince?: number | null
}

export type AccountReportSourceOptions = {
  /**
   * The live account; null while it is still loading from the store (calls reject `not-ready`).
   * May be a promise, e.g. while the account is reloaded after another tab's commits.
   */
  getAccount: () => LoadedAccount | null | Promise<LoadedAccount | null>
  /** The installation settings the value model reads (the app's parsed settings satisfy it). */
  settings: ValueModelSettingsSource
  now?: () => number
  /**
   * A number that changes whenever the account changed (each applied commit). Derived data (tier
   * maps, retention) is reused while it stays the same, or while younger than `derivedMaxAgeMs`;
   * without it everything is recomputed on every call.
   */
  version?: () => number
  /** How long derived data of an older version is reused; default DERIVED_MAX_AGE_MS. */
  derivedMaxAgeMs?: number
  /** The sync's state for `status()`; null or absent: nothing is syncing (figures as stored). */
  sync?: () => SyncStatusInput | null
}

/** Tier maps and retention reports kept per range; a dashboard asks for a handful at most. */
const RANGE_CACHE_SIZE = 8

/**
 * How long tier maps and retention analytics computed for an older account version are reused.
 * Retention walks every ticket and customer (seconds over a million tickets) and a tier map every
 * customer, so during a sync they follow the account at most this often; the KPI figures
 * themselves are always current.
 */
export const DERIVED_MAX_AGE_MS = 5 * 60_000

/** Data derived from one version of the account, reused across calls. */
type Derived = {
  account: LoadedAccount
  version: number | null
  /** Whether the sync had caught up: data of a first sync still running is never reused after it. */
  complete: boolean
  /** When it was started, epoch ms. */
  at: number
  tickets: StoredTicket[] | null
  profiles: CustomerProfile[] | null
  /** Per-customer retention inputs, built once per version: a new range reads prefixes of it. */
  retentionIndex: RetentionIndex | null
  tiers: Map<string, TierSegments>
  retention: Map<string, RetentionReportData>
}

function rangeKey(range: ReportRange): string {
  return `${range.from}|${range.to}|${range.timeZone ?? 'UTC'}`
}

/** Default most tickets a drill-down list returns. */
export const DRILL_LIMIT = 500

/** A drill-down row: the ticket's subject and status, its requester's name and tier. */
function drillTicket(a: LoadedAccount, tiers: TierSegments, found: DrillDownTicket): DrillTicket {
  const stored = a.ticket(found.id)
  const record = stored?.ticket ?? a.engine.get(found.id)
  const requesterId = record?.requesterId ?? null
  return {
    id: found.id,
    subject: stored?.subject ?? '',
    requesterId,
    requesterName: requesterId === null ? null : (a.users.get(requesterId)?.name ?? null),
    tier: requesterId === null ? tiers.fallback : (tiers.map.get(requesterId) ?? tiers.fallback),
    status: record?.status ?? 'unknown',
    value: found.value,
  }
}

/**
 * The report source of a live account. `report(range, { segments: 'tier' })` splits by the
 * requester tiers of `tierSegments` (as `npm run kpi -- --by tier` does), `retention` is
 * `retentionForRange`, `drillDown` lists the tickets of `drillDownIds`. Ranges ending after now
 * are judged as of now. A malformed range rejects with `bad-request`.
 *
 * @example
 * const source = accountReportSource({ getAccount: () => account, settings })
 * (await source.report({ from: '2026-10-01', to: '2026-11-01' }, { segments: 'tier' })).segments?.gold
 */
export function accountReportSource(options: AccountReportSourceOptions): ReportSource {
  const now = options.now ?? Date.now
  const maxAge = options.derivedMaxAgeMs ?? DERIVED_MAX_AGE_MS
  const model: ValueModelSettings = valueModelSettings(options.settings)
  let derived: Derived | null = null

  const account = async (): Promise<LoadedAccount> => {
    const a = await options.getAccount()
    if (a === null) {
      throw new ReportSourceError('not-ready', 'The team data is still loading in the background')
    }
    return a
  }

  /** The derived data of the current version, or of an older one that is young enough. */
  const derivedOf = (a: LoadedAccount): Derived => {
    const version = options.version?.() ?? null
    const at = now()
    const complete = options.sync?.()?.complete ?? true
    const reusable =
      derived !== null &&
      derived.account === a &&
      version !== null &&
      (derived.version === version || (derived.complete === complete && at - derived.at < maxAge))
    if (!reusable || derived === null) {
      derived = {
        account: a,
        version,
        complete,
        at,
        tickets: null,
        profiles: null,
        retentionIndex: null,
        tiers: new Map(),
        retention: new Map(),
      }
    }
    return derived
  }
  const ticketsOf = (d: Derived) => (d.tickets ??= [...d.account.tickets()])
  const profilesOf = (d: Derived) => (d.profiles ??= [...d.account.profiles().values()])
  const indexOf = (d: Derived) => (d.retentionIndex ??= retentionIndex(profilesOf(d), ticketsOf(d)))

  const checked = <T>(what: string, compute: () => T): T => {
    try {
      return compute()
    } catch (err) {
      if (err instanceof ReportSourceError) throw err
      if (err instanceof RangeError)
        throw new ReportSourceError('bad-request', `${what}: ${err.message}`)
      throw err
    }
  }

  const remember = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const made = make()
    if (cache.size >= RANGE_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
    cache.set(key, made)
    return made
  }

  const tiersFor = (a: LoadedAccount, range: ReportRange): TierSegments => {
    rangeEnd(range) // a malformed range fails here, before any work
    const d = derivedOf(a)
    return remember(d.tiers, rangeKey(range), () =>
      tierSegments({
        profiles: profilesOf(d),
        // the store keeps each requester's contact times: no walk over every ticket per range
        ...(a.requesterContacts === undefined
          ? { tickets: ticketsOf(d) }
          : { contacts: a.requesterContacts() }),
        range,
        settings: model,
        now: now(),
      }),
    )
  }

  return {
    report: (range, opts = {}): Promise<KpiReport> =>
      account().then((a) =>
        checked('report', () => {
          if (opts.segments !== 'tier') return a.engine.report(range)
          const seg = tiersFor(a, range)
          return a.engine.report(range, {
            segments: { by: seg.by, map: seg.map, fallback: seg.fallback },
          })
        }),
      ),

    retention: (range): Promise<RetentionReportData> =>
      account().then((a) =>
        checked('retention', () => {
          rangeEnd(range)
          const d = derivedOf(a)
          return remember(d.retention, rangeKey(range), () =>
            retentionForRange({
              profiles: profilesOf(d),
              tickets: ticketsOf(d),
              index: indexOf(d),
              range,
              settings: model,
              now: now(),
            }),
          )
        }),
      ),

    drillDown: (
      figure: Figure,
      limit = DRILL_LIMIT,
    ): Promise<{ total: number; tickets: DrillTicket[] }> =>
      account().then((a) =>
        checked('drillDown', () => {
          // a count alone (limit 0) of a figure without tier needs no tier map, which is costly
          if (figure.tier === undefined && limit === 0) {
            return { total: drillDownIds(a.engine, figure, { limit: 0 }).total, tickets: [] }
          }
          const seg = tiersFor(a, figure.range)
          const segments = { by: seg.by, map: seg.map, fallback: seg.fallback }
          const found = drillDownIds(a.engine, figure, {
            limit,
            ...(figure.tier === undefined ? {} : { segments }),
          })
          return { total: found.total, tickets: found.tickets.map((t) => drillTicket(a, seg, t)) }
        }),
      ),

    status: (): Promise<ReportSourceStatus> =>
      account().then((a) => {
        const sync = options.sync?.() ?? null
        return {
          tickets: a.engine.size,
          complete: sync?.complete ?? true,
          updatedAt: sync?.updatedAt ?? null,
          source: sync?.source ?? null,
          slaAvailable: sync?.slaAvailable ?? false,
          latestActivityAt: a.engine.dataExtent()?.last ?? null,
          totalTickets: sync?.totalTickets ?? null,
          etaMs: sync?.etaMs ?? null,
          behindSince: sync?.behindSince ?? null,
        }
      }),

    names: (ids): Promise<NameLookup> =>
      account().then((a) => {
        const users: Record<number, string> = {}
        const groups: Record<number, string> = {}
        for (const id of ids.users ?? []) {
          const name = a.users.get(id)?.name
          if (name !== undefined) users[id] = name
        }
        for (const id of ids.groups ?? []) {
          const name = a.groups.get(id)?.name
          if (name !== undefined) groups[id] = name
        }
        return { users, groups }
      }),
  }
}
