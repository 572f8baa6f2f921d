import { useI18n } from '@/i18n/I18nProvider'

import { Notice } from '../Notice'
import type { RequesterKind } from './model'

/** Why the customer data is thin: an anonymous, deleted or suspended requester. */
export function RequesterNotice({ kind }: { kind: RequesterKind }) {
  const { t } = useI18n()
  if (kind !== 'anonymous' && kind !== 'deleted' && kind !== 'suspended') return null
  return (
    <Notice type="warning" title={t(`sidebar.requesterState.${kind}.title`)}>
      {t(`sidebar.requesterState.${kind}.body`)}
    </Notice>
  )
}
