// The SLA warnings' engine for the background (no React here: the background must not load it).
// The sidebar's hook is `useSlaWarning` in './useSlaWarning'.
export { fetchSlaTickets, serverDate } from './fetchSlaTickets'
export type { SlaTicketJson, SlaTicketsPage } from './fetchSlaTickets'
export { readStanding, standingKey, warnedKey, writeStanding } from './memory'
export { serverClock } from './serverClock'
export { createSlaWarner } from './slaWarner'
export { startSlaWarnings } from './startSlaWarnings'
export { watchedTickets } from './watchedTickets'
