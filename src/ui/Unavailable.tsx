import type { ClientUnavailable } from '@/zendesk/zaf/ClientProvider'
import { useI18n } from '@/i18n/I18nProvider'

import { Notice } from './Notice'

/** Why the app cannot start: opened outside Zendesk, or the ZAF SDK did not load. */
export function Unavailable({ reason }: { reason: ClientUnavailable }) {
  const { t } = useI18n()
  const prefix = reason === 'outside-zendesk' ? 'common.outsideZendesk' : 'common.sdkMissing'
  return (
    <Notice type={reason === 'outside-zendesk' ? 'info' : 'error'} title={t(`${prefix}.title`)}>
      {t(`${prefix}.body`)}
    </Notice>
  )
}
