// The retention analytics as of the end of a report range, in a form that crosses postMessage.

import { retentionIndex } from '../customer/analytics/retentionIndex'
import type { RetentionIndex } from '../customer/analytics/retentionIndex'
import { retentionReportOf } from '../customer/analytics/retentionReport'
import type { RetentionReport } from '../customer/analytics/retentionReport'
import type { CustomerSpanOptions } from '../customer/analytics/customerSpans'
import type { ValueModelSettings } from '../customer/settings'
import type { CustomerProfile, CustomerTicket } from '../customer/types'
import type { ReportRange } from '../types'
import { rangeEnd } from './rangeEnd'

export interface RetentionForRangeOptions {
  profiles: Iterable<CustomerProfile>
  tickets: readonly CustomerTicket[]
  /**
   * `retentionIndex(profiles, tickets, spans)`, kept by the caller while the account does not
   * change: the same report, without grouping and sorting every ticket again for each range.
   * When given, `profiles`, `tickets` and `spans` are not read.
   */
  index?: RetentionIndex
  /** The analytics are as of the end of this range. */
  range: ReportRange
  settings?: ValueModelSettings
  spans?: CustomerSpanOptions
  /** Number of 30-day periods in `rates`. Default 12. */
  periods?: number
  /** Epoch ms; a range ending later is judged as of now. Default: no cap. */
  now?: number
}

/** A retention report without the per-customer backlog Map: plain objects and arrays only. */
export type RetentionRangeReport = Omit<RetentionReport, 'backlog'> & {
  /** The range whose end the report is as of. */
  range: ReportRange
}

/**
 * `retentionReport` as of the end of `range` (capped at `now`): retention per 30-day period, by
 * first-contact channel, by resolution band, by agent, the top customers and the revenue at risk
 * in the backlog, plus the baseline it measured. The per-customer backlog assessments (a Map) are
 * left out, so the result survives structured cloning and JSON.
 *
 * @throws RangeError when `range.to` is not a YYYY-MM-DD date
 * @example
 * retentionForRange({ profiles, tickets, range: { from: '2026-10-01', to: '2026-11-01' } }).byChannel[0]
 * //=> { key: 'email', customers: 640, retained: 470, rate: 0.734, ci: [0.7, 0.77] }
 */
export function retentionForRange(options: RetentionForRangeOptions): RetentionRangeReport {
  const now = rangeEnd(options.range, options.now)
  const index = options.index ?? retentionIndex(options.profiles, options.tickets, options.spans)
  const full = retentionReportOf(index, now, {
    ...(options.settings === undefined ? {} : { settings: options.settings }),
    ...(options.periods === undefined ? {} : { periods: options.periods }),
  })
  const report: Partial<RetentionReport> = { ...full }
  delete report.backlog
  return { ...(report as Omit<RetentionReport, 'backlog'>), range: { ...options.range } }
}
