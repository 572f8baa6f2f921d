import { XXL } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'
import { Loading } from '@/ui/Loading'
import { Notice } from '@/ui/Notice'
import { SettingsProblems } from '@/ui/SettingsProblems'
import { canSeeTeamKpis } from '@/zendesk/access'
import { useCurrentUser } from '@/zendesk/hooks/useCurrentUser'
import { useSettings } from '@/zendesk/hooks/useSettings'

const StyledDashboard = styled.main`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
  padding: ${(p) => p.theme.space.lg};
`

/**
 * The team dashboard: checks who may see team KPIs. The KPI views themselves build on the team
 * sync (background location) and the KPI engine.
 */
export function Dashboard() {
  const { t } = useI18n()
  const { settings, problems } = useSettings()
  const user = useCurrentUser()

  return (
    <StyledDashboard>
      <XXL tag="h1">{t('dashboard.title')}</XXL>
      <SettingsProblems problems={problems} />
      {user.status === 'loading' && <Loading />}
      {user.status === 'error' && (
        <Notice type="error" title={t('common.error.title')}>
          {t('common.error.body', { message: user.error.message })}
        </Notice>
      )}
      {user.status === 'success' &&
        (canSeeTeamKpis(user.data, settings.kpiRoles) ? (
          <Notice type="info" title={t('dashboard.signedInAs', { name: user.data.name })}>
            {t('dashboard.waitingForSync')}
          </Notice>
        ) : (
          <Notice type="warning" title={t('dashboard.signedInAs', { name: user.data.name })}>
            {t('dashboard.noAccess', { roles: settings.kpiRoles.join(', ') })}
          </Notice>
        ))}
    </StyledDashboard>
  )
}
