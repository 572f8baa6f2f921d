// Pagination over Zendesk's three schemes: cursor (`meta.has_more` / `after_cursor`), the incremental
// cursor export (`end_of_stream` / `after_cursor`) and search export (cursor, ordered by created_at).
// Each yields validated pages; a cursor that does not move is an error instead of an endless loop.

import { ZendeskApiError } from '../errors'
import type { IncrementalTicketsPage, SearchExportPage } from '../schemas'
import type { ZendeskClient } from './client'
import { fetchIncrementalTicketsPage, fetchSearchExportPage } from './endpoints'

type CursorPage = { meta: { has_more: boolean; after_cursor: string | null } }

function stuck(endpoint: string): ZendeskApiError {
  return new ZendeskApiError({
    code: 'invalid_payload',
    endpoint,
    field: 'meta.after_cursor',
    detail: 'the cursor did not move',
  })
}

/** Follows `meta.after_cursor` while `meta.has_more`, from `after` (or the first page). */
export async function* cursorPages<P extends CursorPage>(
  fetchPage: (after: string | undefined) => Promise<P>,
  endpoint: string,
  after?: string,
): AsyncGenerator<P> {
  let cursor = after
  for (;;) {
    const page = await fetchPage(cursor)
    yield page
    const next = page.meta.after_cursor
    if (!page.meta.has_more || next === null) return
    if (next === cursor) throw stuck(endpoint)
    cursor = next
  }
}

/** Incremental ticket export pages until `end_of_stream` (the last page is yielded too). */
export async function* incrementalTicketPages(
  client: ZendeskClient,
  from: { cursor: string } | { startTime: number },
  options: { perPage?: number; include?: string } = {},
): AsyncGenerator<IncrementalTicketsPage> {
  let position = from
  for (;;) {
    const page = await fetchIncrementalTicketsPage(client, position, options)
    yield page
    if (page.end_of_stream || page.after_cursor === null) return
    if ('cursor' in position && position.cursor === page.after_cursor)
      throw stuck('GET /api/v2/incremental/tickets/cursor.json')
    position = { cursor: page.after_cursor }
  }
}

/** Search export pages of tickets for `query` (ordered by created_at; cursors live 1 h). */
export function searchExportPages(
  client: ZendeskClient,
  query: string,
  options: { pageSize?: number; after?: string } = {},
): AsyncGenerator<SearchExportPage> {
  return cursorPages(
    (after) =>
      fetchSearchExportPage(client, {
        query,
        ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
        ...(after !== undefined ? { after } : {}),
      }),
    'GET /api/v2/search/export.json',
    options.after,
  )
}
