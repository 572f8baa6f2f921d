// Zendesk pagination: offset (`page`, `per_page`, capped at record 10,000) and cursor
// (`page[size]`, `page[after]`, `page[before]`, `meta`/`links`).
import { ApiError, invalidPagination } from './errors'

export type Page<T> = { items: T[]; envelope: Record<string, unknown> }

export type PagingOptions = {
  /** Max page size for this endpoint (100 on most lists). */
  maxSize: number
  defaultSize: number
  /** Offset pagination refuses records past this (Zendesk: 10,000). */
  offsetRecordCap?: number
  /** Only cursor pagination (search export). */
  cursorOnly?: boolean
  /** Only offset pagination (search). */
  offsetOnly?: boolean
}

const CURSOR_PREFIX = 'sim1:'

/** Opaque cursor: position plus a fingerprint of the query, so a cursor from another list is refused. */
export function encodeCursor(position: number, fingerprint: string, issuedMs = 0): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}:${issuedMs}:${fingerprint}`).toString('base64url')
}

export function decodeCursor(
  cursor: string,
  fingerprint: string,
): { position: number; issuedMs: number } | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!text.startsWith(CURSOR_PREFIX)) return undefined
  const [pos, issued, ...rest] = text.slice(CURSOR_PREFIX.length).split(':')
  if (rest.join(':') !== fingerprint || !/^\d+$/.test(pos ?? '') || !/^\d+$/.test(issued ?? ''))
    return undefined
  return { position: Number(pos), issuedMs: Number(issued) }
}

function intParam(value: string, name: string): number {
  if (!/^\d+$/.test(value)) throw new ApiError(invalidPagination(`${name} is not valid`))
  return Number(value)
}

/** True when the request asks for cursor pagination. */
export function wantsCursor(q: URLSearchParams): boolean {
  return q.has('page[size]') || q.has('page[after]') || q.has('page[before]')
}

/**
 * Pages `all` (already sorted) the way Zendesk does. `url` is the request URL used to build next/prev links.
 */
export function paginate<T>(
  all: readonly T[],
  url: URL,
  options: PagingOptions,
  fingerprint: string,
): Page<T> {
  const q = url.searchParams
  const useCursor = options.cursorOnly === true || (!options.offsetOnly && wantsCursor(q))
  if (useCursor) {
    const sizeRaw = q.get('page[size]')
    const size = sizeRaw === null ? options.defaultSize : intParam(sizeRaw, 'page[size]')
    if (size < 1 || size > options.maxSize) {
      throw new ApiError(invalidPagination(`page[size] must be between 1 and ${options.maxSize}`))
    }
    const after = q.get('page[after]')
    const before = q.get('page[before]')
    let start = 0
    let end = Math.min(size, all.length)
    if (after !== null) {
      const c = decodeCursor(after, fingerprint)
      if (!c) throw new ApiError(invalidPagination('page[after] is not valid'))
      start = Math.min(c.position, all.length)
      end = Math.min(start + size, all.length)
    } else if (before !== null) {
      const c = decodeCursor(before, fingerprint)
      if (!c) throw new ApiError(invalidPagination('page[before] is not valid'))
      end = Math.min(c.position, all.length)
      start = Math.max(0, end - size)
    }
    const items = all.slice(start, end)
    const hasMore = end < all.length
    const afterCursor = items.length > 0 ? encodeCursor(end, fingerprint) : null
    const beforeCursor = items.length > 0 ? encodeCursor(start, fingerprint) : null
    const link = (name: 'page[after]' | 'page[before]', cursor: string): string => {
      const u = new URL(url)
      u.searchParams.delete('page[after]')
      u.searchParams.delete('page[before]')
      u.searchParams.set('page[size]', String(size))
      u.searchParams.set(name, cursor)
      return u.toString()
    }
    return {
      items,
      envelope: {
        meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
        links: {
          next: hasMore && afterCursor ? link('page[after]', afterCursor) : null,
          prev: start > 0 && beforeCursor ? link('page[before]', beforeCursor) : null,
        },
      },
    }
  }
  const page = q.has('page') ? intParam(q.get('page') ?? '', 'page') : 1
  const perPage = q.has('per_page')
    ? intParam(q.get('per_page') ?? '', 'per_page')
    : options.defaultSize
  if (page < 1) throw new ApiError(invalidPagination('page must be 1 or more'))
  if (perPage < 1 || perPage > options.maxSize) {
    throw new ApiError(invalidPagination(`per_page must be between 1 and ${options.maxSize}`))
  }
  const start = (page - 1) * perPage
  const cap = options.offsetRecordCap ?? 10_000
  if (start >= cap) {
    throw new ApiError(
      invalidPagination(
        `Offset pagination is limited to the first ${cap} records; use cursor-based pagination`,
      ),
    )
  }
  const items = all.slice(start, start + perPage)
  const pageUrl = (n: number): string => {
    const u = new URL(url)
    u.searchParams.set('page', String(n))
    u.searchParams.set('per_page', String(perPage))
    return u.toString()
  }
  return {
    items,
    envelope: {
      count: all.length,
      // Search stops at its cap (no next page past result 1,000); other lists 400 past the cap.
      next_page:
        start + perPage < (options.offsetOnly ? Math.min(all.length, cap) : all.length)
          ? pageUrl(page + 1)
          : null,
      previous_page: page > 1 ? pageUrl(page - 1) : null,
    },
  }
}
