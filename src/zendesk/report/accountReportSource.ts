// The ReportSource over a LoadedAccount: the background's live account answers with CORE's view
// models, so the dashboard sees exactly what `npm run kpi` computes from the same data. Derived
// data (the ticket list, tier maps) is kept per account version and rebuilt after a commit.

import { drillDownIds, rangeEnd, retentionForRange, tierSegments, valueModelSettings } from '@/core'
import type {
  CustomerProfile,
  DrillDownTicket,
  Figure,
  KpiReport,
  ReportRange,
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
}

export type AccountReportSourceOptions = {
  /** The live account; null while it is still loading from the store (calls reject `not-ready`). */
  getAccount: () => LoadedAccount | null
  /** The installation settings the value model reads (the app's parsed settings satisfy it). */
  settings: ValueModelSettingsSource
  now?: () => number
  /**
   * A number that changes whenever the account changed (each applied commit). Derived data is
   * reused while it stays the same; without it everything is recomputed on every call.
   */
  version?: () => number
  /** The sync's state for `status()`; null or absent: nothing is syncing (figures as stored). */
  sync?: () => SyncStatusInput | null
}

/** Tier maps kept per "as of" instant; a dashboard asks for a handful of ranges at most. */
const TIER_CACHE_SIZE = 8

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
  const model: ValueModelSettings = valueModelSettings(options.settings)
  let cachedVersion: number | null = null
  let tickets: StoredTicket[] | null = null
  let profiles: CustomerProfile[] | null = null
  const tiers = new Map<number, TierSegments>()

  const account = (): LoadedAccount => {
    const a = options.getAccount()
    if (a === null) {
      throw new ReportSourceError('not-ready', 'The team data is still loading in the background')
    }
    const version = options.version?.() ?? null
    if (version === null || version !== cachedVersion) {
      cachedVersion = version
      tickets = null
      profiles = null
      tiers.clear()
    }
    return a
  }
  const ticketsOf = (a: LoadedAccount) => (tickets ??= [...a.tickets()])
  const profilesOf = (a: LoadedAccount) => (profiles ??= [...a.profiles().values()])

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

  const tiersFor = (a: LoadedAccount, range: ReportRange): TierSegments => {
    const asOf = rangeEnd(range, now())
    const hit = tiers.get(asOf)
    if (hit !== undefined) return hit
    const made = tierSegments({
      profiles: profilesOf(a),
      tickets: ticketsOf(a),
      range,
      settings: model,
      now: now(),
    })
    if (tiers.size >= TIER_CACHE_SIZE) tiers.delete(tiers.keys().next().value as number)
    tiers.set(asOf, made)
    return made
  }

  return {
    report: (range, opts = {}): Promise<KpiReport> =>
      Promise.resolve().then(() =>
        checked('report', () => {
          const a = account()
          if (opts.segments !== 'tier') return a.engine.report(range)
          const seg = tiersFor(a, range)
          return a.engine.report(range, {
            segments: { by: seg.by, map: seg.map, fallback: seg.fallback },
          })
        }),
      ),

    retention: (range): Promise<RetentionReportData> =>
      Promise.resolve().then(() =>
        checked('retention', () => {
          const a = account()
          return retentionForRange({
            profiles: profilesOf(a),
            tickets: ticketsOf(a),
            range,
            settings: model,
            now: now(),
          })
        }),
      ),

    drillDown: (
      figure: Figure,
      limit = DRILL_LIMIT,
    ): Promise<{ total: number; tickets: DrillTicket[] }> =>
      Promise.resolve().then(() =>
        checked('drillDown', () => {
          const a = account()
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
      Promise.resolve().then(() => {
        const a = account()
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
        }
      }),

    names: (ids): Promise<NameLookup> =>
      Promise.resolve().then(() => {
        const a = account()
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
