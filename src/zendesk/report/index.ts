export { DERIVED_MAX_AGE_MS, accountReportSource } from './accountReportSource'

export { deniedReportSource } from './deniedSource'
export { ReportSourceError } from './errors'

export { serveReportSource } from './host'

export { createReportSourceClient } from './instanceClient'

export { REQUEST_EVENT, RESPONSE_EVENT } from './protocol'

export type { ReportSource, ReportSourceStatus } from './types'
