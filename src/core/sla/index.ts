// SLA warnings before a VIP ticket breaches: the pure rule; re-exported by src/core/index.ts.

export * from './types'
export { dueSlaWarnings } from './dueSlaWarnings'

export { pruneSlaWarnings } from './pruneSlaWarnings'
export { slaWarningKey } from './slaWarningKey'
