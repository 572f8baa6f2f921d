/**
 * Retention Radar's simulated Zendesk account (issue 3). Everything here is deterministic in
 * (tickets, seed, end): same inputs, byte-identical output. The default end date is 2026-10-31
 * (`DEFAULT_END_DATE`; the account clock starts at 23:59:59 UTC that day) and the default seed is 1.
 *
 * Streaming generation (any size up to 1,000,000 tickets, flat memory):
 * - `generateExportPages({tickets, seed?, end?, perPage?, baseUrl?})` → sync generator of
 *   `GET /api/v2/incremental/tickets/cursor.json?include=metric_sets,users,organizations` pages.
 * - `generateEventPages(sameOptions)` → sync generator of `/api/v2/incremental/ticket_metric_events` pages.
 * - `writeDataset({...sameOptions, out, eventsOut?})` → writes them as NDJSON (one page per line).
 *
 * In-memory account and API (up to 200,000 tickets):
 * - `createSimAccount({tickets, seed?, end?, plan?, clock?})` → a queryable account (`ticket(id)`,
 *   `tickets()`, `ticketIdsOfRequester(userId)`, `userJson(id)`, `updateTicket`, `deleteTicket`,
 *   `metricEvents()`, `clock`, `apiToken`, `adminEmail`).
 * - `createSimApi(account, {session?, requireAuth?, rateLimits?, faults?, faultSeed?, log?})` →
 *   `{handlers, log, faults, limiter, setSession}`; `createHandlers(account, options)` → the msw handlers only.
 * - `startSimServer({port?, host?, tickets, seed?, plan?, faults?, clock?, clockSpeed?, ...})` →
 *   `{url, account, api, close()}`: the same handlers over HTTP (basic auth `email/token:TOKEN`).
 * - Clocks: `createManualClock(startMs)`, `createRealtimeClock(startMs, speed?)`.
 *
 * The planted relationships and the model are documented in docs/simulator.md.
 */
export {
  type SimAccount,
  type SimAccountOptions,
  type TicketView,
  createSimAccount,
} from './account'
export {
  type Session,
  type SimApi,
  type SimApiOptions,
  createHandlers,
  createSimApi,
} from './api/handlers'
export { type FaultRule, FAULT_KINDS, parseFaultSpec } from './api/faults'
export { type RequestLog, type RequestLogEntry, createRequestLog } from './api/log'
export { ENDPOINT_LIMITS } from './api/ratelimit'
export { type SimClock, createManualClock, createRealtimeClock } from './clock'
export { ADMIN_EMAIL, DEFAULT_BASE_URL, apiTokenFor, customerTier } from './entities'
export {
  type ExportOptions,
  type MetricEventPage,
  type TicketExportPage,
  type WriteDatasetOptions,
  generateEventPages,
  generateExportPages,
  writeDataset,
} from './export'
export { type SimServer, type SimServerOptions, startSimServer } from './server'
export {
  CHANNELS,
  CHANNEL_BASE_CHURN,
  CHURN_SATURATION_HOURS,
  CHURN_SLOWNESS_LIFT,
  PLANS,
  PLAN_RATE_LIMITS,
  type Channel,
  type Plan,
  buildSkeleton,
  churnProbability,
} from './skeleton'
export { DEFAULT_END_DATE } from './time'
