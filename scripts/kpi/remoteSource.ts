// `npm run -s kpi -- --base-url URL | --subdomain S --email E ...` (flags in args.ts): syncs the
// account through axios into a local cache (NDJSON pages, the dataset format); main.ts then prints
// the same report as `--in FILE` from the cache.
//
// Resumable: each page is ONE line holding its records and its cursor (`after_cursor`, `end_time`),
// appended in one write; `--resume` continues from the last complete line and drops a line cut
// short by a crash. The token (flag or ZENDESK_API_TOKEN) lives only in the transport: it is never
// written to the cache, and the command entry hides it in every message.

import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync } from 'node:fs'
import path from 'node:path'

import { createZendeskClient } from '@/zendesk/api'
import type { ZendeskClient } from '@/zendesk/api'
import { fetchIncrementalTicketsPage, fetchMetricEventsPage, TICKET_SIDELOADS } from '@/zendesk/api'
import { isZendeskApiError } from '@/zendesk/errors'
import { createGovernor, systemTimer } from '@/zendesk/governor'
import type { Timer } from '@/zendesk/governor'
import { createAxiosTransport } from '@/zendesk/transport/axiosTransport'
import type { Transport } from '@/zendesk/transport/types'
import { EXPORT_PAGE_MS, etaFromGenerated } from '@/zendesk/sync/eta'
import type { RemoteArgs } from './args'
import { createProgress } from './progress'
import type { Progress, ProgressSink } from './progress'

// CACHE FILES

/**
 * The last complete page of an NDJSON cache, after cutting off a last line that a crash left
 * incomplete (not newline-terminated or not JSON). Undefined when the file holds no page.
 */
export function lastCachedPage(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined
  let text = readFileSync(file, 'utf8')
  for (;;) {
    const end = text.endsWith('\n') ? text.length - 1 : text.length
    const start = text.lastIndexOf('\n', end - 1) + 1
    if (end <= 0) {
      truncateSync(file, 0)
      return undefined
    }
    const line = text.slice(start, end)
    let page: unknown
    try {
      page = text.endsWith('\n') ? (JSON.parse(line) as unknown) : undefined
    } catch {
      page = undefined
    }
    if (typeof page === 'object' && page !== null && !Array.isArray(page)) {
      return page as Record<string, unknown>
    }
    // an incomplete last line: cut it and look at the one before
    text = text.slice(0, start)
    truncateSync(file, Buffer.byteLength(text, 'utf8'))
  }
}

function appendPage(file: string, page: unknown): void {
  // one write per page: the line is the unit of progress
  appendFileSync(file, `${JSON.stringify(page)}\n`, 'utf8')
}

// SYNC

export type RemoteSyncDeps = {
  /** Default: axios with the parsed credentials. Tests pass the simulator. */
  transport?: Transport
  timer?: Timer
  /** Where the progress goes (default: stderr, live on a terminal). */
  progress?: ProgressSink
}

export type RemoteSyncResult = { ticketPages: number; eventPages: number; tickets: number }

async function syncTickets(options: {
  client: ZendeskClient
  file: string
  timer: Timer
  progress: Progress
}): Promise<{ pages: number; tickets: number }> {
  const { client, file, timer, progress } = options
  const last = lastCachedPage(file)
  if (last?.end_of_stream === true) return { pages: 0, tickets: 0 }
  let from: { cursor: string } | { startTime: number } =
    typeof last?.after_cursor === 'string' ? { cursor: last.after_cursor } : { startTime: 0 }
  let pages = 0
  let tickets = 0
  let firstGenerated: number | null = null
  let lastGenerated: number | null = null
  const started = timer.now()
  for (;;) {
    // groups sideloaded too: the readable report names them (agents come with the users)
    const page = await fetchIncrementalTicketsPage(client, from, {
      perPage: 1000,
      include: `${TICKET_SIDELOADS},groups`,
    })
    appendPage(file, page)
    pages++
    tickets += page.tickets.length
    for (const t of page.tickets) {
      if (t.generated_timestamp === undefined) continue
      firstGenerated = Math.min(firstGenerated ?? Infinity, t.generated_timestamp)
      lastGenerated = Math.max(lastGenerated ?? 0, t.generated_timestamp)
    }
    const end = page.end_of_stream || page.after_cursor === null
    // never faster than the export limit allows, slower when the budget or retries slow it
    const pageMs = Math.max(EXPORT_PAGE_MS, (timer.now() - started) / pages)
    const etaMs = end
      ? 0
      : etaFromGenerated({ firstGenerated, lastGenerated, pages, now: timer.now(), pageMs })
    progress.update({ phase: 'tickets', pages, tickets, etaMs })
    if (end) return { pages, tickets }
    from = { cursor: page.after_cursor as string }
  }
}

/** Ids of a page's events in its last second: the next page (start_time = end_time) repeats them. */
function boundaryIds(page: Record<string, unknown> | undefined): Set<number> {
  const ids = new Set<number>()
  const events = page?.ticket_metric_events
  const end = page?.end_time
  if (!Array.isArray(events) || typeof end !== 'number') return ids
  for (const e of events as { id?: unknown; time?: unknown }[]) {
    if (
      typeof e.id === 'number' &&
      typeof e.time === 'string' &&
      Math.floor(Date.parse(e.time) / 1000) >= end
    )
      ids.add(e.id)
  }
  return ids
}

async function syncEvents(options: {
  client: ZendeskClient
  file: string
  timer: Timer
  progress: Progress
  tickets: number
}): Promise<number> {
  const { client, file, timer, progress } = options
  const last = lastCachedPage(file)
  if (last?.end_of_stream === true) return 0
  let start = typeof last?.end_time === 'number' ? last.end_time : 0
  let seen = boundaryIds(last)
  let pages = 0
  for (;;) {
    if (start > Math.floor(timer.now() / 1000) - 61) return pages
    const page = await fetchMetricEventsPage(client, start)
    const done = page.end_of_stream ?? page.ticket_metric_events.length < 1000
    const fresh = page.ticket_metric_events.filter((e) => !seen.has(e.id))
    // the cached line carries its own end: a resumed run never re-reads it
    const line = { ...page, ticket_metric_events: fresh, end_of_stream: done }
    appendPage(file, line)
    pages++
    progress.update({ phase: 'events', pages, tickets: options.tickets, etaMs: null })
    if (done) return pages
    seen = boundaryIds(line)
    start = page.end_time > start ? page.end_time : start + 1
  }
}

/** Syncs the account into `args.cache` (and its events file). */
export async function syncToCache(
  args: RemoteArgs,
  deps: RemoteSyncDeps = {},
): Promise<RemoteSyncResult> {
  const timer = deps.timer ?? systemTimer
  const progress = createProgress(
    deps.progress ?? {
      write: (text) => process.stderr.write(text),
      isTTY: process.stderr.isTTY,
    },
    () => timer.now(),
  )
  const transport =
    deps.transport ??
    createAxiosTransport({
      baseUrl: args.baseUrl,
      credentials: { kind: 'token', email: args.email, token: args.token },
    })
  const governor = createGovernor(transport, { timer, apiBudgetShare: args.budgetShare })
  const client = createZendeskClient(governor)
  const eventsFile = `${args.cache}.events.ndjson`
  mkdirSync(path.dirname(path.resolve(args.cache)), { recursive: true })
  if (!args.resume) {
    rmSync(args.cache, { force: true })
    rmSync(eventsFile, { force: true })
  }
  try {
    const t = await syncTickets({ client, file: args.cache, timer, progress })
    const eventPages = args.events
      ? await syncEvents({ client, file: eventsFile, timer, progress, tickets: t.tickets })
      : 0
    return { ticketPages: t.pages, eventPages, tickets: t.tickets }
  } finally {
    progress.done()
  }
}

/** A sync that failed: the endpoint and what went wrong, and how to go on. Exit code 1. */
export class SyncError extends Error {
  override readonly name = 'SyncError'
}

/**
 * Syncs the account into `args.cache` for the report, and names the events file to read with it
 * (undefined with --no-events or when none was written). An API failure or a cache that cannot be
 * written is a SyncError saying what failed; the pages already cached stay for `--resume`.
 *
 * @example
 * const events = await syncForReport(args.remote, {}) // then the --in report of args.remote.cache
 */
export async function syncForReport(
  args: RemoteArgs,
  deps: RemoteSyncDeps = {},
): Promise<string | undefined> {
  try {
    await syncToCache(args, deps)
  } catch (err) {
    if (isZendeskApiError(err)) {
      const hint =
        err.code === 'forbidden'
          ? ' (the incremental exports need an admin)'
          : err.code === 'unauthorized'
            ? ' (check --email and the token)'
            : ''
      throw new SyncError(
        `sync failed: ${err.message}${hint}; run again with --resume to continue`,
        { cause: err },
      )
    }
    const e = err as NodeJS.ErrnoException
    if (typeof e.code === 'string' && typeof e.path === 'string') {
      throw new SyncError(`cannot write ${e.path}: ${e.code}`, { cause: err })
    }
    throw err
  }
  const eventsFile = `${args.cache}.events.ndjson`
  return args.events && existsSync(eventsFile) ? eventsFile : undefined
}
