export { createRequesterHistory } from './requesterHistory'
export type {
  OrganizationProfile,
  RequesterHistory,
  RequesterHistoryOptions,
  RequesterHistoryStore,
  RequesterProfile,
} from './requesterHistory'
