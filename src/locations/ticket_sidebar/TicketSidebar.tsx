import { Button } from '@zendeskgarden/react-buttons'
import { LG, MD, SM } from '@zendeskgarden/react-typography'
import { useRef } from 'react'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'
import { Loading } from '@/ui/Loading'
import { Notice } from '@/ui/Notice'
import { SettingsProblems } from '@/ui/SettingsProblems'
import { useSettings } from '@/zendesk/hooks/useSettings'
import { useTicketRequester } from '@/zendesk/hooks/useTicketRequester'
import { useClient } from '@/zendesk/zaf/ClientProvider'
import { useAutoResize } from '@/zendesk/zaf/useAutoResize'

const StyledSidebar = styled.main`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
  padding: ${(p) => p.theme.space.xs};
`

/** The ticket sidebar: who the customer is (value, tier and priority arrive with the value model). */
export function TicketSidebar() {
  const { t } = useI18n()
  const client = useClient()
  const ref = useRef<HTMLElement>(null)
  useAutoResize(client, ref)
  const requester = useTicketRequester()
  const { problems } = useSettings()

  return (
    <StyledSidebar ref={ref} aria-label={t('sidebar.title')}>
      <SettingsProblems problems={problems} />
      {requester.status === 'loading' && <Loading />}
      {requester.status === 'error' && (
        <Notice type="error" title={t('common.error.title')}>
          {t('common.error.body', { message: requester.error.message })}{' '}
          <Button size="small" isBasic onClick={requester.reload}>
            {t('common.retry')}
          </Button>
        </Notice>
      )}
      {requester.status === 'success' && requester.data === null && (
        <Notice type="info" title={t('sidebar.title')}>
          {t('sidebar.noRequester')}
        </Notice>
      )}
      {requester.status === 'success' && requester.data !== null && (
        <section>
          <SM isBold>{t('sidebar.requester')}</SM>
          <LG isBold data-testid="requester-name">
            {requester.data.name}
          </LG>
          {requester.data.email !== null && <MD>{requester.data.email}</MD>}
        </section>
      )}
    </StyledSidebar>
  )
}
