import type { PriorityInputs } from '@/core/customer'

/** A mid-range ticket: every input known. */
export const BASE_INPUTS: PriorityInputs = {
  value: 500,
  valueIsEstimate: false,
  currency: 'USD',
  typicalValue: 500,
  tier: 'standard',
  churnRisk: 0.2,
  waitingMinutes: 120,
  minutesToSlaBreach: 240,
  priority: 'normal',
  contactsIn7Days: 1,
  channel: 'email',
  channelRisk: 0.5,
  expectedEffortMinutes: 240,
}
