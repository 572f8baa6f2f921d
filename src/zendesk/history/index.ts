export { createRequesterHistory } from './requesterHistory'
export type {
  OrganizationProfile,
  RequesterHistory,
  RequesterHistoryStore,
} from './requesterHistory'
