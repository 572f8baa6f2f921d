// `npm run -s kpi -- --base-url URL | --subdomain S --email E [--token T] [--cache FILE] [--resume]
//   [--no-events] [--budget-share N] [--from] [--to] [--tz] [--json]`
// Syncs the account through axios into a local cache (NDJSON pages, the dataset format), then prints
// the same report as `--in FILE` by handing the cache to the `--in` command.
//
// Resumable: each page is ONE line holding its records and its cursor (`after_cursor`, `end_time`),
// appended in one write; `--resume` continues from the last complete line and drops a line cut
// short by a crash. The token (flag or ZENDESK_API_TOKEN) lives only in the transport: it is never
// written to the cache, a log line or an error message.

import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync } from 'node:fs'
import path from 'node:path'

import { createZendeskClient } from '@/zendesk/api'
import type { ZendeskClient } from '@/zendesk/api'
import { fetchIncrementalTicketsPage, fetchMetricEventsPage } from '@/zendesk/api'
import { isZendeskApiError } from '@/zendesk/errors'
import { createGovernor, systemTimer } from '@/zendesk/governor'
import type { Timer } from '@/zendesk/governor'
import {
  TransportConfigError,
  createAxiosTransport,
  resolveBaseUrl,
} from '@/zendesk/transport/axiosTransport'
import type { Transport } from '@/zendesk/transport/types'
import { EXPORT_PAGE_MS, etaFromGenerated } from '@/zendesk/sync/eta'
import { main } from './main'
import { createProgress } from './progress'
import type { Progress, ProgressSink } from './progress'

export const REMOTE_USAGE = `usage: npm run -s kpi -- (--base-url URL | --subdomain S) --email E [--token T] [--cache FILE] [--resume]
                          [--no-events] [--budget-share N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz Area/City] [--json]
  --base-url URL     the account, e.g. https://acme.zendesk.com or the simulator's http://127.0.0.1:4010
  --subdomain S      instead of --base-url: https://S.zendesk.com
  --email E          an admin's email (the incremental exports are admin-only)
  --token T          API token; default: the ZENDESK_API_TOKEN environment variable
  --cache FILE       where the synced pages go (default .kpi-cache/<host>.ndjson; events in FILE.events.ndjson)
  --resume           continue an interrupted sync from the cache instead of starting over
  --no-events        skip ticket metric events (no SLA figures; faster under the 10/min export limit)
  --budget-share N   percent of the account's rate limit to use, 1-100 (default 10)
  --from, --to, --tz, --json   as for --in (see npm run -s kpi -- --help)`

export type RemoteArgs = {
  baseUrl: string
  email: string
  token: string
  cache: string
  resume: boolean
  events: boolean
  budgetShare: number
  /** Flags handed on to the `--in` report. */
  reportArgs: string[]
}

class RemoteUsageError extends Error {
  override readonly name = 'RemoteUsageError'
}

/** True when argv asks for the live API instead of a file. */
export function isRemoteArgs(argv: readonly string[]): boolean {
  return argv.includes('--base-url') || argv.includes('--subdomain')
}

/** Parses the remote flags; throws RemoteUsageError (never echoing the token). */
export function parseRemoteArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): RemoteArgs {
  const values = new Map<string, string>()
  const reportArgs: string[] = []
  let resume = false
  let events = true
  const VALUE = new Set([
    '--base-url',
    '--subdomain',
    '--email',
    '--token',
    '--cache',
    '--budget-share',
  ])
  const PASS_VALUE = new Set(['--from', '--to', '--tz'])
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--resume') resume = true
    else if (arg === '--no-events') events = false
    else if (arg === '--json') reportArgs.push(arg)
    else if (VALUE.has(arg) || PASS_VALUE.has(arg)) {
      const value = argv[++i]
      if (value === undefined || value.startsWith('--'))
        throw new RemoteUsageError(`${arg} needs a value`)
      if (PASS_VALUE.has(arg)) reportArgs.push(arg, value)
      else values.set(arg, value)
    } else if (arg === '--in' || arg === '--events') {
      throw new RemoteUsageError(
        `${arg} reads a file; it cannot be combined with --base-url/--subdomain`,
      )
    } else throw new RemoteUsageError(`unknown argument '${arg}'`)
  }
  const baseUrlFlag = values.get('--base-url')
  const subdomain = values.get('--subdomain')
  if (baseUrlFlag !== undefined && subdomain !== undefined)
    throw new RemoteUsageError('give --base-url or --subdomain, not both')
  const baseUrl = resolveBaseUrl({
    ...(baseUrlFlag !== undefined ? { baseUrl: baseUrlFlag } : {}),
    ...(subdomain !== undefined ? { subdomain } : {}),
  })
  const email = values.get('--email')
  if (email === undefined || !email.includes('@'))
    throw new RemoteUsageError('--email E (an admin of the account) is required')
  const token = values.get('--token') ?? env.ZENDESK_API_TOKEN
  if (token === undefined || token === '')
    throw new RemoteUsageError('an API token is required: --token T or ZENDESK_API_TOKEN')
  const shareRaw = values.get('--budget-share') ?? '10'
  const budgetShare = Number(shareRaw)
  if (!(budgetShare >= 1 && budgetShare <= 100))
    throw new RemoteUsageError(`--budget-share must be a number from 1 to 100, got '${shareRaw}'`)
  const host = new URL(baseUrl).host.replace(/[^A-Za-z0-9.-]/g, '_')
  return {
    baseUrl,
    email,
    token,
    cache: values.get('--cache') ?? path.join('.kpi-cache', `${host}.ndjson`),
    resume,
    events,
    budgetShare,
    reportArgs,
  }
}

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
    const page = await fetchIncrementalTicketsPage(client, from, { perPage: 1000 })
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

/** Replaces every occurrence of the secret (belt and braces: no message should hold it). */
function redact(text: string, secret: string): string {
  return secret.length >= 4 ? text.split(secret).join('***') : text
}

/**
 * The remote kpi command: sync, then the `--in` report on the cache. Exit codes as for `--in`,
 * plus 1 for an API failure (with the endpoint named, never the token).
 */
export async function remoteMain(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void },
  env: Readonly<Record<string, string | undefined>> = process.env,
  deps: RemoteSyncDeps = {},
): Promise<number> {
  let args: RemoteArgs
  try {
    args = parseRemoteArgs(argv, env)
  } catch (err) {
    if (err instanceof RemoteUsageError || err instanceof TransportConfigError) {
      io.err(`kpi: ${err.message}\n${REMOTE_USAGE}`)
      return 2
    }
    throw err
  }
  const token = args.token
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
      io.err(
        redact(
          `kpi: sync failed: ${err.message}${hint}; run again with --resume to continue`,
          token,
        ),
      )
      return 1
    }
    const e = err as NodeJS.ErrnoException
    if (typeof e.code === 'string' && typeof e.path === 'string') {
      io.err(redact(`kpi: cannot write ${e.path}: ${e.code}`, token))
      return 1
    }
    throw err
  }
  const inArgs = ['--in', args.cache]
  const eventsFile = `${args.cache}.events.ndjson`
  if (args.events && existsSync(eventsFile)) inArgs.push('--events', eventsFile)
  return main([...inArgs, ...args.reportArgs], {
    out: io.out,
    err: (s) => io.err(redact(s, token)),
  })
}
