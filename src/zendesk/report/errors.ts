// The one error type of the report source. Views branch on `code`; the message says what went
// wrong in words an admin can act on.

export const REPORT_SOURCE_ERROR_CODES = [
  /** The signed-in user's role may not see team KPIs (the admin's "Roles that see team KPIs"). */
  'not-allowed',
  /** No background instance of the app in this browser: nothing can answer. */
  'no-background',
  /** The background did not answer in time. */
  'timeout',
  /** The request was malformed (a bad range or figure). */
  'bad-request',
  /** The background has no data to report on yet (its store is still loading). */
  'not-ready',
  /** Anything else the background failed with. */
  'failed',
] as const
export type ReportSourceErrorCode = (typeof REPORT_SOURCE_ERROR_CODES)[number]

export class ReportSourceError extends Error {
  override readonly name = 'ReportSourceError'
  readonly code: ReportSourceErrorCode

  constructor(code: ReportSourceErrorCode, message: string) {
    super(message)
    this.code = code
  }
}

/** The code of any error: a ReportSourceError's own, else `failed`. */
export function reportErrorCode(err: unknown): ReportSourceErrorCode {
  return err instanceof ReportSourceError ? err.code : 'failed'
}
