import { LG } from '@zendeskgarden/react-typography'
import { useState } from 'react'
import styled from 'styled-components'

import type { Figure, FigureSelector, ReportRange } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'
import { Loading } from '@/ui/Loading'
import { Notice } from '@/ui/Notice'
import { DASHBOARD_TABS, useDashboardPrefs } from '@/zendesk/hooks/useDashboardPrefs'
import type { DashboardTab } from '@/zendesk/hooks/useDashboardPrefs'
import { useRetentionReport } from '@/zendesk/hooks/useRetentionReport'
import { useSyncStatus } from '@/zendesk/hooks/useSyncStatus'
import { usePrefetchTeamReports, useTeamNames, useTeamReport } from '@/zendesk/hooks/useTeamReport'

import { channelKey } from './model/channelKey'
import { cardModels } from './model/cardModels'
import type { CardModel } from './KpiCards'
import { ChannelChart } from './charts/ChannelChart'
import { FirstReplyChart } from './charts/FirstReplyChart'
import { Heatmap } from './charts/Heatmap'
import { ResolutionChart } from './charts/ResolutionChart'
import { VolumeByDayChart } from './charts/VolumeByDayChart'
import { csvFileName } from './csv'
import { DrillDownPanel } from './DrillDownPanel'
import type { FigureUnit } from './Figure'
import { KpiCards } from './KpiCards'
import { presetRange, RANGE_PRESETS } from './model/presetRange'
import { RangeBar } from './RangeBar'
import { RetentionCurve } from './RetentionCurve'
import { RetentionTables } from './RetentionTables'
import { SyncStatusLine } from './SyncStatusLine'
import { Tabs } from './Tabs'
import { TeamTables } from './TeamTables'
import { TierSplit } from './TierSplit'

import { COLORS } from './colors'

const Column = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
  padding-block-start: ${(p) => p.theme.space.sm};
`

const Charts = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
  gap: ${(p) => p.theme.space.sm};
`

const Period = styled.p`
  margin: 0;
  font-size: ${(p) => p.theme.fontSizes.sm};
  color: ${COLORS.grey700};
`

/**
 * What was drilled into, without its range: the list always shows the tickets behind the figure
 * on screen, so when the range moves (a preset during the first sync, or a new choice) it follows.
 */
interface Drilled {
  select: FigureSelector
  options: Pick<Figure, 'period' | 'tier'>
  title: string
  unit: FigureUnit
}

export interface TeamDashboardProps {
  userId: number
  timeZone: string
}

/**
 * The team dashboard for a user allowed to see team KPIs: range, sync status, KPI cards, charts,
 * the VIP tier split, agents and groups, retention views and drill-down lists. Everything on
 * screen comes from the report source through the dashboard hooks.
 */
export function TeamDashboard({ userId, timeZone }: TeamDashboardProps) {
  const { t } = useI18n()
  const [prefs, setPrefs] = useDashboardPrefs(userId)
  const status = useSyncStatus()
  const [drilled, setDrilled] = useState<Drilled | null>(null)

  const anchor = status.data?.latestActivityAt ?? status.data?.updatedAt ?? status.now
  const range: ReportRange | null = status.isPending
    ? null
    : 'preset' in prefs.range
      ? presetRange(prefs.range.preset, anchor, timeZone)
      : { ...prefs.range.custom, timeZone }

  const report = useTeamReport(range)
  const tierReport = useTeamReport(range, 'tier', prefs.tab === 'tiers')
  // The other presets, ready before they are clicked; not during the first sync, when the presets
  // move with every page and a prefetched report would be stale before it is used.
  const preset = 'preset' in prefs.range ? prefs.range.preset : null
  usePrefetchTeamReports(
    preset === null || range === null || status.data?.complete !== true
      ? []
      : RANGE_PRESETS.filter((p) => p !== preset).map((p) => presetRange(p, anchor, timeZone)),
    report.isSuccess && !report.isPlaceholderData,
  )
  const retention = useRetentionReport(range, prefs.tab === 'retention')
  const data = report.data
  const names = useTeamNames({
    users: [
      ...(data?.agents ?? []).flatMap((a) => (a.id === null ? [] : [a.id])),
      ...(retention.data?.topCustomers ?? []).map((c) => c.customerId),
      ...(retention.data?.byAgent ?? []).map((a) => a.key),
    ],
    groups: (data?.groups ?? []).flatMap((g) => (g.id === null ? [] : [g.id])),
  })
  const nameLookup = names.data ?? { users: {}, groups: {} }

  const file = (what: string) => (range ? csvFileName(what, range.from, range.to) : `${what}.csv`)
  const drill = (
    select: FigureSelector,
    title: string,
    unit: FigureUnit,
    options: { period?: 'current' | 'previous'; tier?: string } = {},
  ) => {
    if (range === null) return
    setDrilled({ select, options, title, unit })
  }
  const drilledFigure: Figure | null =
    drilled === null || range === null
      ? null
      : { range, select: drilled.select, ...drilled.options }
  const drillCard = (card: CardModel, tier?: string) =>
    drill(
      { kind: 'kpi', kpi: card.drill },
      tier === undefined
        ? t(`dashboard.kpi.${card.label}`)
        : `${t(`dashboard.kpi.${card.label}`)} · ${t(`dashboard.tiers.${tier as 'gold'}`)}`,
      card.unit === 'minutes' ? 'minutes' : 'count',
      tier === undefined ? {} : { tier },
    )

  const cards = data ? cardModels(data) : []
  const tabs = DASHBOARD_TABS.map((id) => ({ id, label: t(`dashboard.tabs.${id}`) }))
  return (
    <Column>
      {status.data && <SyncStatusLine status={status.data} now={status.now} />}
      {status.isError && (
        <Notice type="error" title={t('dashboard.unavailable')}>
          {status.error.message}
        </Notice>
      )}
      {range && (
        <>
          <RangeBar
            value={prefs.range}
            range={range}
            timeZone={timeZone}
            onChange={(r) => setPrefs({ ...prefs, range: r })}
          />
          {data && (
            <Period>
              {t('dashboard.range.showing', {
                from: data.period.from,
                to: data.period.to,
                previousFrom: data.previous.period.from,
                previousTo: data.previous.period.to,
                timeZone: data.period.timezone,
              })}
            </Period>
          )}
        </>
      )}
      {drilled && drilledFigure && (
        <DrillDownPanel
          figure={drilledFigure}
          title={drilled.title}
          unit={drilled.unit}
          csvFile={file(`tickets-${drilled.title}`)}
          onClose={() => setDrilled(null)}
        />
      )}
      {report.isError && (
        <Notice type="error" title={t('dashboard.unavailable')}>
          {report.error.message}
        </Notice>
      )}
      {range && report.isPending && <Loading />}
      {data && range && (
        <Tabs<DashboardTab>
          label={t('dashboard.tabsLabel')}
          tabs={tabs}
          selected={prefs.tab}
          onSelect={(tab) => setPrefs({ ...prefs, tab })}
        >
          <Column aria-busy={report.isPlaceholderData}>
            {prefs.tab === 'overview' && (
              <>
                <KpiCards cards={cards} onDrill={(card) => drillCard(card)} />
                <Charts>
                  <VolumeByDayChart
                    current={data.tickets.byDay}
                    previous={data.previous.tickets.byDay}
                    prefix=""
                    csvFile={file('volume-by-day')}
                    onDrill={(select) =>
                      drill(select, select.kind === 'day' ? select.day : '', 'count')
                    }
                  />
                  <ChannelChart
                    byChannel={data.tickets.byChannel}
                    prefix=""
                    csvFile={file('volume-by-channel')}
                    onDrill={(select) =>
                      drill(
                        select,
                        select.kind === 'channel'
                          ? t(`dashboard.channels.${channelKey(select.channel)}`)
                          : '',
                        'count',
                      )
                    }
                  />
                  <Heatmap
                    byWeekdayHour={data.tickets.byWeekdayHour}
                    prefix=""
                    timeZone={data.period.timezone}
                    onDrill={(select) => drill(select, t('dashboard.charts.heatmap'), 'count')}
                  />
                  <FirstReplyChart
                    buckets={data.firstReplyBuckets}
                    prefix=""
                    onDrill={(select) => drill(select, t('dashboard.charts.firstReply'), 'minutes')}
                  />
                  <ResolutionChart
                    buckets={data.fullResolutionMinutes.buckets}
                    prefix=""
                    csvFile={file('resolution-times')}
                    onDrill={(select) => drill(select, t('dashboard.charts.resolution'), 'minutes')}
                  />
                </Charts>
              </>
            )}
            {prefs.tab === 'tiers' && (
              <>
                {tierReport.isPending && <Loading />}
                {tierReport.isError && (
                  <Notice type="error" title={t('dashboard.unavailable')}>
                    {tierReport.error.message}
                  </Notice>
                )}
                {tierReport.data && (
                  <TierSplit
                    cards={cards}
                    segments={tierReport.data.segments}
                    onDrill={drillCard}
                  />
                )}
              </>
            )}
            {prefs.tab === 'team' && (
              <TeamTables
                agents={data.agents}
                groups={data.groups}
                names={nameLookup}
                csvFile={file}
                onDrill={(kind, id, name) =>
                  drill(
                    kind === 'agents'
                      ? { kind: 'agent', agentId: id }
                      : { kind: 'group', groupId: id },
                    name,
                    'count',
                  )
                }
              />
            )}
            {prefs.tab === 'retention' && (
              <>
                {retention.isPending && <Loading />}
                {retention.isError && (
                  <Notice type="error" title={t('dashboard.unavailable')}>
                    {retention.error.message}
                  </Notice>
                )}
                {retention.data && (
                  <>
                    <LG tag="h2">{t('dashboard.retention.title')}</LG>
                    <RetentionCurve
                      byResolution={retention.data.byResolution}
                      csvFile={file('retention-by-resolution')}
                    />
                    <RetentionTables
                      report={retention.data}
                      names={nameLookup.users}
                      csvFile={file}
                    />
                  </>
                )}
              </>
            )}
          </Column>
        </Tabs>
      )}
    </Column>
  )
}
