// The customer adapter: Zendesk export pages → the value model's profiles and tickets.

export { CustomerDatasetBuilder, customerDataset } from './dataset'
export type { CustomerDataset } from './dataset'
export { normalizeFields, normalizePriority, normalizeTags } from './normalize'
export type { CustomerReasonCounts } from './normalize'

export { slaClockEvents } from './slaEvents'
export * from './types'
