export { electLeader, parseLeaderRecord } from './election'
export type { LeaderElection } from './election'
export { readBackgroundStatus } from './backgroundStatus'
export type { BackgroundStatus } from './backgroundStatus'

export { leaderOnlySync } from './leaderOnlySync'

export { appendStatusError, readSyncStatus, syncStatusKey, writeSyncStatus } from './syncStatus'

export { syncStatusReporter } from './syncStatusReporter'

export type { KeyValueStore, LockManagerLike } from './tabs'
export { whileLeader } from './whileLeader'
