import { LG, SM } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'
import { useBackgroundStatus } from '@/zendesk/leader/useBackgroundStatus'
import type { BackgroundStatus } from '@/zendesk/leader/backgroundStatus'
import { useNow } from '@/zendesk/hooks/useNow'

import { COLORS } from './colors'
import { formatFigure } from './Figure'
import { adminStatus } from './model/adminStatus'

const Area = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
  padding: ${(p) => p.theme.space.sm};
  border: 1px solid ${COLORS.grey300};
  border-radius: ${(p) => p.theme.borderRadii.md};
  background: ${COLORS.grey100};
`

const Facts = styled.dl`
  display: grid;
  grid-template-columns: max-content minmax(0, 1fr);
  gap: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.sm};
  margin: 0;
  font-size: ${(p) => p.theme.fontSizes.sm};

  dt {
    color: ${COLORS.grey700};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  @media (max-width: 480px) {
    grid-template-columns: minmax(0, 1fr);
    dd {
      margin-block-end: ${(p) => p.theme.space.xxs};
    }
  }
`

const Errors = styled.ul`
  margin: 0;
  padding-inline-start: ${(p) => p.theme.space.md};
  color: ${COLORS.red700};
`

export interface AdminStatusProps {
  /** The status to show; default the background's shared status, read every few seconds. */
  status?: BackgroundStatus
}

/** The status as the background shares it: read from this browser's storage, no request. */
function LiveAdminStatus() {
  return <AdminStatusView status={useBackgroundStatus()} />
}

/**
 * The admins' view of the background: which tab leads the sync, its last page, its errors with
 * their times (an error is never only in the console), and the requests every instance of the app
 * in this browser used in the last minute against the API budget.
 */
export function AdminStatus({ status }: AdminStatusProps) {
  return status === undefined ? <LiveAdminStatus /> : <AdminStatusView status={status} />
}

function AdminStatusView({ status }: { status: BackgroundStatus }) {
  const i18n = useI18n()
  const { t, format } = i18n
  const now = useNow()
  const model = adminStatus(status, now)
  const time = (ms: number) => format.dateTime(new Date(ms))
  const count = (n: number) => formatFigure(i18n, n, 'count')
  const { budget } = model
  const parts = {
    used: count(budget.used),
    sync: count(budget.sync),
    interactive: count(budget.interactive),
  }
  return (
    <Area aria-labelledby="rr-admin-status" data-admin-status="">
      <LG tag="h2" id="rr-admin-status">
        {t('dashboard.admin.title')}
      </LG>
      <Facts>
        <dt>{t('dashboard.admin.leader')}</dt>
        <dd data-admin="leader" title={model.leader?.tabId}>
          {model.leader === null
            ? t('dashboard.admin.noLeader')
            : t('dashboard.admin.leaderValue', {
                tab: model.leader.tabLabel,
                time: time(model.leader.since),
              })}
        </dd>
        <dt>{t('dashboard.admin.pages')}</dt>
        <dd data-admin="pages">{count(model.pages)}</dd>
        <dt>{t('dashboard.admin.lastPage')}</dt>
        <dd data-admin="last-page">
          {model.lastPageAt === null
            ? t('dashboard.admin.none')
            : t('dashboard.admin.lastPageValue', {
                time: time(model.lastPageAt),
                seconds: count(model.lastPageSecondsAgo ?? 0),
              })}
        </dd>
        <dt>{t('dashboard.admin.caughtUp')}</dt>
        <dd data-admin="caught-up">
          {model.caughtUp ? t('dashboard.admin.yes') : t('dashboard.admin.no')}
        </dd>
        <dt>{t('dashboard.admin.requests')}</dt>
        <dd data-admin="requests">
          {budget.limit === null
            ? t('dashboard.admin.requestsNoLimit', parts)
            : t('dashboard.admin.requestsValue', { ...parts, limit: count(budget.limit) })}
          {budget.share !== null && ` · ${formatFigure(i18n, budget.share, 'percent')}`}
        </dd>
        <dt>{t('dashboard.admin.errors')}</dt>
        <dd data-admin="errors">
          {model.errors.length === 0 ? (
            t('dashboard.admin.noErrors')
          ) : (
            <Errors>
              {model.errors.map((e) => (
                <li key={`${e.at}:${e.message}`}>
                  {t('dashboard.admin.errorAt', { time: time(e.at), message: e.message })}
                </li>
              ))}
            </Errors>
          )}
        </dd>
      </Facts>
      {budget.pausedUntil !== null && (
        <SM isBold role="status">
          {t('dashboard.admin.paused', { time: time(budget.pausedUntil) })}
        </SM>
      )}
      {!model.shared && <SM>{t('dashboard.admin.notShared')}</SM>}
    </Area>
  )
}
