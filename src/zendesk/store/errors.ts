// Errors of the account store: what went wrong with the browser's storage, said plainly.

export const STORE_ERROR_CODES = [
  'quota_exceeded',
  'newer_version',
  'upgrade_failed',
  'write_failed',
] as const
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number]

/**
 * A storage failure. `code` tells the kind (like ZendeskApiError's), `store` the database.
 *
 * @example
 * new StoreError({ code: 'quota_exceeded', store: 'retention-radar-sync', detail: '…' }).message
 */
export class StoreError extends Error {
  override readonly name = 'StoreError'
  readonly code: StoreErrorCode
  readonly store: string

  constructor(options: { code: StoreErrorCode; store: string; detail: string; cause?: unknown }) {
    super(`${options.store}: ${options.detail}`, { cause: options.cause })
    this.code = options.code
    this.store = options.store
  }
}

export function isStoreError(err: unknown): err is StoreError {
  return err instanceof StoreError
}

/** True for the browser's "storage is full" error (name differs across engines and versions). */
export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name
  const code = (err as { code?: unknown } | null)?.code
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22
}

/**
 * The error a failed page write becomes: a quota error says the disk is full and that nothing of
 * the page was kept; anything else names the underlying error.
 *
 * @example
 * writeError('retention-radar-sync', new DOMException('full', 'QuotaExceededError')).code //=> 'quota_exceeded'
 */
export function writeError(store: string, err: unknown): StoreError {
  if (isQuotaError(err)) {
    return new StoreError({
      code: 'quota_exceeded',
      store,
      detail:
        "the browser's storage quota for this site is full; the page was not stored and the sync " +
        'stopped at its last stored position (free disk space, then reload to resume)',
      cause: err,
    })
  }
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
  return new StoreError({
    code: 'write_failed',
    store,
    detail: `writing a page failed (${what}); the page was not stored`,
    cause: err,
  })
}
