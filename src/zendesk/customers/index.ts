// The customer adapter: Zendesk export pages → the value model's profiles and tickets.

export { CustomerDatasetBuilder, customerDataset } from './dataset'
export type { CustomerDataset } from './dataset'
export {
  normalizeFields,
  normalizeOrganization,
  normalizePriority,
  normalizeTags,
  normalizeUser,
} from './normalize'
export type { CustomerReasonCounts, UserRecord } from './normalize'
export { joinProfiles } from './profiles'
export { slaClockEvents } from './slaEvents'
export * from './types'
