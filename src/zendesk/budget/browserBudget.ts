// The app's shared budget in a real browser: the ledger in localStorage, changed under a Web Lock.

import { browserStore, memoryStore, tabMutex } from '../leader/tabs'
import { createSharedBudget } from './sharedBudget'
import type { SharedBudget } from './sharedBudget'

/** Storage key (and lock name) of an account's ledger. */
export function budgetKey(subdomain: string): string {
  return `retention-radar-budget:${subdomain}`
}

/**
 * The budget every instance of the app in this browser shares for `subdomain`. Without
 * localStorage (storage disabled) the ledger is this instance's alone: the instance then keeps to
 * the share by itself, as before the shared budget.
 */
export function browserBudget(subdomain: string): SharedBudget {
  const key = budgetKey(subdomain)
  return createSharedBudget({
    key,
    store: browserStore() ?? memoryStore(),
    mutex: tabMutex(key),
  })
}
