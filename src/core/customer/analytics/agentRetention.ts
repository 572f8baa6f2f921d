// Retention of the customers each agent served.

import type { CohortOptions, GroupRetention } from './cohortRetention'
import { groupRetention } from './cohortRetention'
import type { CustomerSpan } from './customerSpans'

/**
 * Per agent: of the customers whose tickets they were assigned, the share still active at `now`.
 * A customer served by several agents counts for each. Correlation only: agents are not
 * randomly assigned (docs/kpi-definitions.md Part C caveats).
 *
 * @example
 * agentRetention(spans, now, { minCustomers: 20 })[0] //=> { key: 10000101, customers: 310, retained: 240, rate: 0.774, ci: [...] }
 */
export function agentRetention(
  spans: readonly CustomerSpan[],
  now: number,
  options: CohortOptions = {},
): GroupRetention<number>[] {
  return groupRetention(spans, now, (s) => s.agentIds, options)
}
