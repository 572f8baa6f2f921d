import { Dots } from '@zendeskgarden/react-loaders'

import { useI18n } from '@/i18n/I18nProvider'

/** The one loading indicator every location uses. */
export function Loading() {
  const { t } = useI18n()
  return (
    <div role="status" aria-label={t('common.loading')}>
      <Dots size={24} aria-hidden="true" />
    </div>
  )
}
