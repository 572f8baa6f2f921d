// The election as the background runs it in a real browser: Web Locks when present, else the
// localStorage lease; without localStorage either, this tab leads alone (as before elections).

import { electLeader } from './election'
import type { LeaderElection } from './election'
import { browserLocks, browserStore, memoryStore } from './tabs'

/** Lock name and storage key of an account's leader. */
export function leaderKey(subdomain: string): string {
  return `retention-radar-leader:${subdomain}`
}

export function browserLeader(subdomain: string, tabId?: string): LeaderElection {
  return electLeader({
    name: leaderKey(subdomain),
    locks: browserLocks(),
    store: browserStore() ?? memoryStore(),
    ...(tabId !== undefined ? { tabId } : {}),
  })
}
