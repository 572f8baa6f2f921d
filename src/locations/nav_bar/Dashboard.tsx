import { SM, XXL } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'
import { AdminStatus } from '@/ui/dashboard/AdminStatus'
import { TeamDashboard } from '@/ui/dashboard/TeamDashboard'
import { Loading } from '@/ui/Loading'
import { Notice } from '@/ui/Notice'
import { SettingsProblems } from '@/ui/SettingsProblems'
import { canSeeTeamKpis } from '@/zendesk/access'
import { dashboardNoticeKeys, dashboardStatusKeys } from '@/zendesk/hooks/noticeKeys'
import { useChangeNotices } from '@/zendesk/hooks/useChangeNotices'
import { useCurrentUser } from '@/zendesk/hooks/useCurrentUser'
import { useSettings } from '@/zendesk/hooks/useSettings'

const StyledDashboard = styled.main`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
  padding: ${(p) => p.theme.space.md};
  max-width: 1400px;
`

/** The nav bar's names query follows people changes (agents renamed, groups added). */
const NAME_KEYS = { people: [['teamNames']] as const }

/**
 * The figures refresh at most every few seconds however fast pages land: during a first sync a
 * page commits every second or two, and the background answers one question at a time.
 */
export const DASHBOARD_REFRESH_MS = 3_000

/**
 * The team dashboard page: who may see team KPIs (others get an "ask your admin" notice naming
 * the roles allowed), then the dashboard itself in the settings' reporting time zone; admins also
 * see the background's status area. Change notices from the background refresh exactly the
 * figures that changed.
 */
export function Dashboard() {
  const { t } = useI18n()
  const { settings, problems } = useSettings()
  const user = useCurrentUser()
  useChangeNotices(dashboardNoticeKeys, { minIntervalMs: DASHBOARD_REFRESH_MS })
  useChangeNotices(NAME_KEYS, { minIntervalMs: DASHBOARD_REFRESH_MS })
  // the status line is one small answer: at once, so new figures never show beside an old "updated"
  useChangeNotices(dashboardStatusKeys, { restart: true })

  return (
    <StyledDashboard>
      <XXL tag="h1">{t('dashboard.title')}</XXL>
      <SettingsProblems problems={problems} />
      {user.status === 'pending' && <Loading />}
      {user.status === 'error' && (
        <Notice type="error" title={t('common.error.title')}>
          {t('common.error.body', { message: user.error.message })}
        </Notice>
      )}
      {user.status === 'success' &&
        (canSeeTeamKpis(user.data, settings.kpiRoles) ? (
          <>
            <SM>{t('dashboard.signedInAs', { name: user.data.name })}</SM>
            {user.data.role === 'admin' && <AdminStatus />}
            <TeamDashboard userId={user.data.id} timeZone={settings.timeZone} />
          </>
        ) : (
          <Notice type="warning" title={t('dashboard.noAccessTitle')}>
            <span data-state="no-access">
              {t('dashboard.signedInAs', { name: user.data.name })}.{' '}
              {t('dashboard.noAccess', { roles: settings.kpiRoles.join(', ') })}
            </span>
          </Notice>
        ))}
    </StyledDashboard>
  )
}
