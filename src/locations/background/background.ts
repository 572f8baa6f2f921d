// What the background location does once registered, with its collaborators passed in so tests
// can run it on a fake ZAF hub, fake-indexeddb and the simulator:
// - users whose role may see team KPIs: load the account from the store, serve it as the report
//   source, keep it in sync (unless the admin turned the sync off), tell the other instances what
//   each committed page changed, and publish the shared baseline when it is due;
// - everyone else: no team sync; the report source answers "not allowed".

import { canSeeTeamKpis } from '@/zendesk/access'
import type { ZendeskClient } from '@/zendesk/api/client'
import { createBaselinePublisher } from '@/zendesk/baseline/publisher'
import type { PublishOutcome } from '@/zendesk/baseline/publisher'
import { fetchCurrentUser } from '@/zendesk/hooks/currentUser'
import type { CurrentUser } from '@/zendesk/hooks/currentUser'
import { closeNoticeSenders, publishChange, subscribeChanges } from '@/zendesk/notices/channel'
import { simpleNotice, slaEventsNotice, ticketsNotice } from '@/zendesk/notices/notice'
import type { ChangeNotice } from '@/zendesk/notices/types'
import { accountReportSource } from '@/zendesk/report/accountReportSource'
import type { SyncStatusInput } from '@/zendesk/report/accountReportSource'
import { deniedReportSource } from '@/zendesk/report/deniedSource'
import { ReportSourceError } from '@/zendesk/report/errors'
import { serveReportSource } from '@/zendesk/report/host'
import { staleReload } from '@/zendesk/report/staleReload'
import { parseSettings } from '@/zendesk/settings'
import type { AppSettings } from '@/zendesk/settings'
import type { SyncDb, TicketSyncState } from '@/zendesk/store/db'
import type { AccountChange, LoadedAccount } from '@/zendesk/store/types'
import type { SyncProgress, TeamSync, TeamSyncOptions } from '@/zendesk/sync/teamSync'
import type { ZafClient, ZafContext, ZafMetadata } from '@/zendesk/zaf/types'

export type BackgroundDeps = {
  openStore: (name: string) => Promise<SyncDb>
  readTicketState: (db: SyncDb) => Promise<TicketSyncState | undefined>
  loadAccount: (db: SyncDb) => Promise<LoadedAccount>
  applyChange: (account: LoadedAccount, change: AccountChange) => void
  createClient: (zaf: ZafClient, settings: AppSettings) => ZendeskClient
  createSync: (options: TeamSyncOptions) => TeamSync
  now?: () => number
  /** Where warnings go (default console.warn). */
  warn?: (message: string, detail?: unknown) => void
}

export type BackgroundOptions = {
  zaf: ZafClient
  context: ZafContext
  metadata: ZafMetadata
  deps: BackgroundDeps
}

export type Background = {
  /** `team` runs the account and sync; `denied` only answers "not allowed". */
  mode: 'team' | 'denied'
  /** The installation settings as parsed (bad values replaced by their defaults). */
  settings: AppSettings
  /** The signed-in user as read at the start; null when it could not be read. */
  user: CurrentUser | null
  /** Resolves when the account is loaded and the sync (if any) has started. */
  ready: Promise<void>
  stop(): void
}

/** The IndexedDB database of an account (one per subdomain, as before). */
export function storeName(subdomain: string): string {
  return `retention-radar-sync-${subdomain}`
}

function changeNotices(change: AccountChange, at: number): ChangeNotice[] {
  const out: ChangeNotice[] = []
  if (change.tickets.length > 0) {
    out.push(
      ticketsNotice(
        change.tickets.map((t) => ({ id: t.ticket.id, requesterId: t.ticket.requesterId })),
        at,
      ),
    )
  }
  if (change.slaEvents.length > 0) {
    out.push(
      slaEventsNotice(
        change.slaEvents.map((e) => e.ticketId),
        at,
      ),
    )
  }
  if (change.users.length + change.organizations.length + change.groups.length > 0) {
    out.push(simpleNotice('people', at))
  }
  return out
}

/**
 * Starts the background for the signed-in user. Never throws: failures are warned about and the
 * report source says what is wrong.
 *
 * @example
 * const background = await startBackground({ zaf, context, metadata, deps })
 * zaf.on('app.willDestroy', background.stop)
 */
export async function startBackground(options: BackgroundOptions): Promise<Background> {
  const { zaf, context, metadata, deps } = options
  const now = deps.now ?? Date.now
  const warn = deps.warn ?? ((m: string, d?: unknown) => console.warn(`Retention Radar: ${m}`, d))
  const subdomain = context.account.subdomain
  const { settings, problems } = parseSettings(metadata.settings)
  for (const problem of problems) warn(`setting "${problem.setting}" is not valid`, problem.params)

  const user = await fetchCurrentUser(zaf).catch((err: unknown) => {
    warn('could not read the signed-in user; team data stays off', err)
    return null
  })
  if (user === null || !canSeeTeamKpis(user, settings.kpiRoles)) {
    const stopServing = serveReportSource(zaf, deniedReportSource(settings.kpiRoles))
    return { mode: 'denied', settings, user, ready: Promise.resolve(), stop: stopServing }
  }

  const publish = (notice: ChangeNotice) => {
    publishChange(subdomain, { ...notice, from: context.instanceGuid }, { zaf }).catch(
      (err: unknown) => warn('could not send a change notice', err),
    )
  }

  let account: LoadedAccount | null = null
  let version = 0
  let sync: TeamSync | null = null
  let db: SyncDb | null = null
  let stopped = false
  let loadError: string | null = null
  // Another tab's background (the sync's leader) committed pages: reload from the store, at most
  // once per FOLLOWER_RELOAD_MS (answers meanwhile come from the account held and the status says
  // since when it is behind), keeping local commits that arrive during a reload.
  let reloading = false
  let pending: AccountChange[] = []
  let status: SyncStatusInput = {
    complete: false,
    updatedAt: null,
    source: null,
    slaAvailable: false,
  }

  const stopServing = serveReportSource(
    zaf,
    accountReportSource({
      getAccount: () => currentAccount(),
      settings,
      now,
      version: () => version,
      sync: () => ({ ...status, behindSince: pacer.behindSince() }),
    }),
  )

  const statusFromStore = (stored: TicketSyncState | undefined) => {
    status = {
      ...status,
      complete: status.complete || (stored?.caughtUp ?? false),
      updatedAt: stored?.updatedAt ?? status.updatedAt,
      source: stored?.source ?? status.source,
      slaAvailable: stored?.slaAvailable ?? status.slaAvailable,
    }
  }

  const reload = async (store: SyncDb) => {
    pending = []
    reloading = true
    try {
      const [fresh, stored] = await Promise.all([
        deps.loadAccount(store),
        deps.readTicketState(store),
      ])
      for (const change of pending) deps.applyChange(fresh, change)
      account = fresh
      version += 1
      statusFromStore(stored)
    } finally {
      pending = []
      reloading = false
    }
  }
  const pacer = staleReload({
    reload: () => (db === null ? Promise.resolve() : reload(db)),
    now,
    onError: (err) => warn('could not reload the team data from the store', err),
  })

  const currentAccount = async (): Promise<LoadedAccount | null> => {
    if (loadError !== null) throw new ReportSourceError('failed', loadError)
    await pacer.beforeAnswer()
    return account
  }

  const onForeignNotice = (notice: ChangeNotice) => {
    if (notice.from === context.instanceGuid || db === null) return
    if (notice.kind === 'tickets' || notice.kind === 'slaEvents' || notice.kind === 'people') {
      pacer.markStale(notice.at)
    } else if (notice.kind === 'syncStatus') {
      deps.readTicketState(db).then(statusFromStore, (err: unknown) => warn('sync status', err))
    }
  }
  const stopListening = subscribeChanges(subdomain, onForeignNotice, { zaf })

  const onCommit = (change: AccountChange, ticketsCheckedAt: number | null) => {
    if (account === null) return
    // the figures this change moves are current as of this read: the status a dashboard asks for
    // on the notice below must say so (the progress report comes only after the notice)
    if (ticketsCheckedAt !== null) status = { ...status, updatedAt: ticketsCheckedAt }
    if (reloading) pending.push(change)
    deps.applyChange(account, change)
    version += 1
    const at = now()
    for (const notice of changeNotices(change, at)) publish(notice)
  }

  const baselineDone = (outcome: PublishOutcome | null) => {
    if (outcome === null) return
    if (outcome.kind === 'published') publish(simpleNotice('baseline', now()))
    else if (outcome.kind === 'failed' || outcome.kind === 'skipped') {
      warn(
        'shared baseline not published',
        outcome.kind === 'failed' ? outcome.message : outcome.reason,
      )
    }
  }

  const start = async () => {
    db = await deps.openStore(storeName(subdomain))
    const stored = await deps.readTicketState(db)
    account = await deps.loadAccount(db)
    if (account.problems.length > 0 || account.skippedRecords > 0) {
      warn(
        `${account.skippedRecords} stored records could not be read and were left out`,
        account.problems,
      )
    }
    version += 1
    statusFromStore(stored)
    // the tier split's requester index (about a second over a million tickets), built now rather
    // than on a team lead's first tier split
    const loadedAccount = account
    setTimeout(() => {
      if (!stopped) loadedAccount.requesterContacts?.()
    }, 0)
    publish(simpleNotice('syncStatus', now()))
    if (!settings.syncEnabled || stopped) return

    const client = deps.createClient(zaf, settings)
    const loaded = account
    const publisher = createBaselinePublisher({
      client,
      account: subdomain,
      getAccount: () => account ?? loaded,
      settings,
      now,
    })
    let last: Pick<SyncProgress, 'phase' | 'caughtUp' | 'source' | 'ticketsCheckedAt'> | null = null
    const onProgress = (p: SyncProgress) => {
      status = {
        ...status,
        complete: status.complete || p.caughtUp,
        // "updated N s ago" is when the tickets were last read up to date, not the last page of
        // any kind: an SLA event page says nothing about whether a ticket changed since
        updatedAt: p.ticketsCheckedAt ?? status.updatedAt,
        source: p.source,
        slaAvailable: p.slaAvailable,
        etaMs: p.etaMs,
      }
      if (p.error !== null) warn('team sync', p.error)
      if (
        last === null ||
        last.phase !== p.phase ||
        last.caughtUp !== p.caughtUp ||
        last.source !== p.source ||
        // a poll that found nothing new still makes the figures current: the status line says so
        last.ticketsCheckedAt !== p.ticketsCheckedAt
      ) {
        publish(simpleNotice('syncStatus', now()))
      }
      last = {
        phase: p.phase,
        caughtUp: p.caughtUp,
        source: p.source,
        ticketsCheckedAt: p.ticketsCheckedAt,
      }
      publisher
        .onSync(status.complete)
        .then(baselineDone, (err: unknown) => warn('shared baseline', err))
    }
    sync = deps.createSync({ client, db, onCommit, onProgress })
    // the sync runs until stopped; its failures are in the progress (the store keeps its cursor)
    sync.start().catch((err: unknown) => warn('team sync stopped', err))
  }

  const ready = start().catch((err: unknown) => {
    loadError = `The team data could not be loaded in this browser (${err instanceof Error ? err.message : String(err)})`
    warn(loadError, err)
  })

  return {
    mode: 'team',
    settings,
    user,
    ready,
    stop: () => {
      stopped = true
      sync?.stop()
      stopListening()
      pacer.stop()
      stopServing()
      closeNoticeSenders()
      db?.close()
    },
  }
}
