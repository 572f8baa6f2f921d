import { MD, SM } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import type { RequesterTicketScore } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { amountText } from './text'

const List = styled.dl`
  display: grid;
  grid-template-columns: auto 1fr;
  gap: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.sm};
  margin: 0;

  dd {
    margin: 0;
  }
`

export type RetentionValueProps = { score: RequesterTicketScore }

/** What the customer is worth (and where that comes from) and how likely they are to leave. */
export function RetentionValue({ score }: RetentionValueProps) {
  const { t, format } = useI18n()
  const { value, churn } = score
  return (
    <section aria-labelledby="rr-value-label">
      <SM id="rr-value-label" isBold>
        {t('sidebar.value.label')}
      </SM>
      <List>
        <dt>
          <SM>{t('sidebar.value.customerValue')}</SM>
        </dt>
        <dd data-testid="customer-value">
          <MD isBold>{amountText(t, format, value.amount, value.currency)}</MD>
          <SM>
            {value.isEstimate || value.field === null
              ? t('sidebar.value.estimate')
              : t('sidebar.value.fromField', { field: value.field })}
          </SM>
        </dd>
        <dt>
          <SM>{t('sidebar.value.churn')}</SM>
        </dt>
        <dd data-testid="churn-risk">
          <MD isBold>
            {t('sidebar.value.churnText', {
              level: t(`sidebar.value.churnLevel.${churn.level}`),
              percent: format.percent(churn.percent / 100),
            })}
          </MD>
        </dd>
        <dt>
          <SM>{t('sidebar.value.atStake')}</SM>
        </dt>
        <dd data-testid="retention-value">
          <MD>
            {amountText(t, format, score.retentionValue.amount, score.retentionValue.currency)}
          </MD>
        </dd>
      </List>
    </section>
  )
}
