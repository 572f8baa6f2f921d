// The account baseline from the stored account: every customer and ticket as of an instant.

import { accountBaseline } from '../customer/accountBaseline'
import type { AccountBaseline } from '../customer/accountBaseline'
import { customerSpans } from '../customer/analytics/customerSpans'
import {
  channelRiskFromRetention,
  retentionByChannel,
} from '../customer/analytics/retentionByChannel'
import type { ValueModelSettings } from '../customer/settings'
import type { CustomerProfile, CustomerTicket } from '../customer/types'

export interface AccountBaselineOfOptions {
  /** Every end user with organization (a Map's values or an array). */
  profiles: Iterable<CustomerProfile>
  /** Every ticket; those created after `now` are ignored. */
  tickets: readonly CustomerTicket[]
  /** Epoch ms the baseline is as of. */
  now: number
  /** The value model's settings (the value fields decide what counts as money). Default `{}`. */
  settings?: ValueModelSettings
}

/**
 * The account baseline as of `now`: value percentiles for the tiers, typical values, the median
 * requester wait and the expected effort per channel (`accountBaseline`), with channel loyalty
 * measured by the retention analytics (retention by first-contact channel →
 * `channelRiskFromRetention`). This is what the score command scores against and what the
 * background publishes for agents.
 *
 * @example
 * const baseline = accountBaselineOf({ profiles: data.profiles.values(), tickets: data.tickets, now })
 * baseline.valueThresholds //=> { silver: 1068.41, gold: 2590.2, platinum: 6120.55 }
 * baseline.channelRisk //=> { email: 0.62, web: 1, voice: 0.4 }
 */
export function accountBaselineOf(options: AccountBaselineOfOptions): AccountBaseline {
  const { tickets, now } = options
  const settings = options.settings ?? {}
  const profiles = [...options.profiles]
  const spans = customerSpans(profiles, tickets, now)
  const channelRisk = channelRiskFromRetention(retentionByChannel(spans, now))
  return accountBaseline(profiles, tickets, now, settings, channelRisk)
}
