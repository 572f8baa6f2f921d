export { buildPath, createZendeskClient } from './client'
export type { Query, ZendeskClient } from './client'
export * from './endpoints'
export { cursorPages, incrementalTicketPages, searchExportPages } from './paginate'
