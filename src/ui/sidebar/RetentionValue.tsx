import type { RequesterTicketScore } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { glance } from './glanceStyles'
import { amountText } from './text'
import { MediumStrong, MediumText, SmallLabel, SmallText } from './Text'

export type RetentionValueProps = { score: RequesterTicketScore }

/** What the customer is worth (and where that comes from) and how likely they are to leave. */
export function RetentionValue({ score }: RetentionValueProps) {
  const { t, format } = useI18n()
  const { value, churn } = score
  return (
    <section aria-labelledby="rr-value-label">
      <SmallLabel id="rr-value-label">{t('sidebar.value.label')}</SmallLabel>
      <dl className={glance.facts}>
        <dt>
          <SmallText>{t('sidebar.value.customerValue')}</SmallText>
        </dt>
        <dd data-testid="customer-value">
          <MediumStrong>{amountText(t, format, value.amount, value.currency)}</MediumStrong>
          <SmallText>
            {value.isEstimate || value.field === null
              ? t('sidebar.value.estimate')
              : t('sidebar.value.fromField', { field: value.field })}
          </SmallText>
        </dd>
        <dt>
          <SmallText>{t('sidebar.value.churn')}</SmallText>
        </dt>
        <dd data-testid="churn-risk">
          <MediumStrong>
            {t('sidebar.value.churnText', {
              level: t(`sidebar.value.churnLevel.${churn.level}`),
              percent: format.percent(churn.percent / 100),
            })}
          </MediumStrong>
        </dd>
        <dt>
          <SmallText>{t('sidebar.value.atStake')}</SmallText>
        </dt>
        <dd data-testid="retention-value">
          <MediumText>
            {amountText(t, format, score.retentionValue.amount, score.retentionValue.currency)}
          </MediumText>
        </dd>
      </dl>
    </section>
  )
}
