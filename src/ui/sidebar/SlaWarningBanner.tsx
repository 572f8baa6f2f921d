import { Alert } from '@zendeskgarden/react-notifications'

import { useI18n } from '@/i18n/I18nProvider'

import type { SlaWarningNotice } from './model'
import { tierName } from './text'

/**
 * The background's warning that this VIP ticket is about to breach an SLA target. An alert: it
 * appears when the breach comes within the warning window, and screen readers announce it.
 */
export function SlaWarningBanner({ notice }: { notice: SlaWarningNotice }) {
  const { t, format } = useI18n()
  return (
    <Alert type="warning" role="alert" data-testid="sla-warning">
      <Alert.Title>{t('sidebar.slaWarning.title', { tier: tierName(t, notice.tier) })}</Alert.Title>
      <Alert.Paragraph>
        {t('sidebar.slaWarning.body', {
          metric: t(`sidebar.slaWarning.metrics.${notice.metric}`),
          duration: format.duration(notice.minutesLeft, '—'),
        })}
      </Alert.Paragraph>
    </Alert>
  )
}
