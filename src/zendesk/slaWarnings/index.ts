// The SLA warnings' engine for the background (no React here: the background must not load it).
// The sidebar's hook is `useSlaWarning` in './useSlaWarning'.
export {
  fetchSlaTickets,
  MAX_WATCHED_TICKETS,
  serverDate,
  slaTicketSchema,
} from './fetchSlaTickets'
export type { SlaTicketJson, SlaTicketsPage } from './fetchSlaTickets'
export {
  readStanding,
  readWarned,
  rememberWarned,
  standingKey,
  warnedKey,
  writeStanding,
} from './memory'
export { serverClock } from './serverClock'
export { createSlaWarner } from './slaWarner'
export { startSlaWarnings, warningThresholds } from './startSlaWarnings'
export type { SlaWarningsOptions } from './startSlaWarnings'
export type { SlaPollResult, SlaWarner, SlaWarnerOptions } from './slaWarner'
export { watchedTickets } from './watchedTickets'
export type { WatchedTicketsOptions } from './watchedTickets'
