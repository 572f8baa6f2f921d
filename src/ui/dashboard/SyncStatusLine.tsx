import { Progress } from '@zendeskgarden/react-loaders'
import { SM } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'
import type { ReportSourceStatus } from '@/zendesk/report/types'

import { formatFigure } from './Figure'
import { syncProgress } from './model/syncProgress'

const Line = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xxs};
`

export interface SyncStatusLineProps {
  status: ReportSourceStatus
  now: number
}

/**
 * Where the team data stands: the first sync's progress (tickets synced, time left, partial
 * figures), then "updated N s ago"; and the agent fallback's limits when it is in use.
 */
export function SyncStatusLine({ status, now }: SyncStatusLineProps) {
  const i18n = useI18n()
  const { t } = i18n
  const progress = syncProgress(status, now)
  return (
    <Line role="status" data-sync={progress.state}>
      {progress.state === 'none' && <SM isBold>{t('dashboard.waitingForSync')}</SM>}
      {progress.state === 'first-sync' && (
        <>
          {progress.percent !== null && (
            <Progress value={progress.percent} aria-label={t('dashboard.sync.progressLabel')} />
          )}
          <SM>
            {progress.total === null
              ? t('dashboard.sync.synced', {
                  count: progress.synced,
                  n: formatFigure(i18n, progress.synced, 'count'),
                })
              : t('dashboard.sync.syncedOf', {
                  count: progress.total,
                  n: formatFigure(i18n, progress.total, 'count'),
                  synced: formatFigure(i18n, progress.synced, 'count'),
                })}
            {progress.minutesLeft !== null &&
              ` · ${t('dashboard.sync.timeLeft', { time: formatFigure(i18n, progress.minutesLeft, 'minutes') })}`}
          </SM>
          <SM isBold>{t('dashboard.sync.partial')}</SM>
        </>
      )}
      {progress.state === 'synced' && (
        <SM>
          {progress.secondsAgo === null
            ? t('dashboard.sync.synced', {
                count: progress.tickets,
                n: formatFigure(i18n, progress.tickets, 'count'),
              })
            : t('dashboard.sync.updated', { seconds: progress.secondsAgo })}
        </SM>
      )}
      {status.source === 'search-fallback' && <SM isBold>{t('dashboard.sync.fallback')}</SM>}
      {status.source !== 'search-fallback' && !status.slaAvailable && progress.state !== 'none' && (
        <SM>{t('dashboard.sync.noSla')}</SM>
      )}
    </Line>
  )
}
