import type { RequesterTicketScore, VipTier } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { glance } from './glanceStyles'
import { Pill } from './Pill'
import type { PillHue } from './Pill'
import { SmallLabel, SmallText } from './Text'
import { amountText, tierName } from './text'

const HUES: Record<VipTier, PillHue> = {
  platinum: 'kale',
  gold: 'yellow',
  silver: 'grey',
  standard: 'blue',
}

export type TierBadgeProps = {
  tier: RequesterTicketScore['tier']
  currency: string | null
  /** True when tiers come from the threshold settings because the account has no baseline yet. */
  thresholdTiers: boolean
}

/** The VIP tier badge with the next tier and the gap to it. */
export function TierBadge({ tier, currency, thresholdTiers }: TierBadgeProps) {
  const { t, format } = useI18n()
  const next = tier.nextTier
  return (
    <section aria-labelledby="rr-tier-label">
      <div className={glance.wrapRow}>
        <SmallLabel id="rr-tier-label">{t('sidebar.tier.label')}</SmallLabel>
        <Pill hue={HUES[tier.tier]} data-testid="vip-tier">
          {tierName(t, tier.tier)}
        </Pill>
      </div>
      <SmallText data-testid="next-tier">
        {next === null
          ? t('sidebar.tier.top')
          : t('sidebar.tier.next', {
              tier: tierName(t, next.tier),
              at: amountText(t, format, next.at, currency),
              gap: amountText(t, format, next.gap, currency),
            })}
      </SmallText>
      {tier.source === 'tag' && tier.tag !== null && (
        <SmallText>{t('sidebar.tier.byTag', { tag: tier.tag })}</SmallText>
      )}
      {thresholdTiers && tier.source !== 'tag' && (
        <SmallText data-testid="threshold-tiers">{t('sidebar.tier.thresholds')}</SmallText>
      )}
    </section>
  )
}
