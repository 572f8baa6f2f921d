export { electLeader, parseLeaderRecord, randomTabId } from './election'
export type { ElectionOptions, LeaderElection, LeaderRecord } from './election'
export { readBackgroundStatus } from './backgroundStatus'
export type { BackgroundStatus } from './backgroundStatus'
export { browserLeader, leaderKey } from './browserLeader'
export { leaderOnlySync } from './leaderOnlySync'
export type { LeaderOnlySyncOptions, StartableSync } from './leaderOnlySync'
export {
  appendStatusError,
  MAX_STATUS_ERRORS,
  readSyncStatus,
  syncStatusKey,
  writeSyncStatus,
} from './syncStatus'
export type { SyncStatusError, SyncStatusRecord } from './syncStatus'
export { syncStatusReporter } from './syncStatusReporter'
export type { ProgressLike } from './syncStatusReporter'
export { browserLocks, browserStore, memoryMutex, memoryStore, tabMutex } from './tabs'
export type { KeyValueStore, LockManagerLike, Mutex } from './tabs'
export { whileLeader } from './whileLeader'
export type { LeaderWork } from './whileLeader'
