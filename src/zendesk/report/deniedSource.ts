import { ReportSourceError } from './errors'
import type { ReportSource } from './types'

/**
 * The report source of a user whose role may not see team KPIs: every call rejects with a
 * `not-allowed` error naming the roles that may.
 *
 * @example
 * await deniedReportSource(['admin', 'Team lead']).status()
 * // rejects: "Team KPIs are only for these roles: admin, Team lead"
 */
export function deniedReportSource(allowedRoles: readonly string[]): ReportSource {
  const deny = (): Promise<never> =>
    Promise.reject(
      new ReportSourceError(
        'not-allowed',
        `Team KPIs are only for these roles: ${allowedRoles.join(', ') || 'admin'}`,
      ),
    )
  return {
    report: deny,
    retention: deny,
    drillDown: deny,
    status: deny,
    names: deny,
  }
}
