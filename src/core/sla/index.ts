// SLA warnings before a VIP ticket breaches: the pure rule; re-exported by src/core/index.ts.

export * from './types'
export { dueSlaWarnings } from './dueSlaWarnings'
export type { DueSlaWarningsOptions } from './dueSlaWarnings'
export { isSameSlaTarget } from './isSameSlaTarget'
export { pruneSlaWarnings } from './pruneSlaWarnings'
export { slaWarningKey } from './slaWarningKey'
