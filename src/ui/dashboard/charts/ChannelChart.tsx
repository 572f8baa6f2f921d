import type { Channel } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { channelKey } from '../model/channelKey'
import { ChartFrame } from '../ChartFrame'
import { DataTable } from '../DataTable'
import { formatFigure } from '../Figure'
import { channelVolume } from '../model/channelVolume'
import type { ChannelVolume } from '../model/channelVolume'
import { CountBars } from './CountBars'
import type { Drill } from './types'

export interface ChannelChartProps {
  byChannel: Readonly<Partial<Record<Channel, number>>>
  prefix: string
  csvFile: string
  onDrill: Drill
}

/** Tickets created per channel, busiest first. */
export function ChannelChart(props: ChannelChartProps) {
  const i18n = useI18n()
  const { t } = i18n
  const rows = channelVolume(props.byChannel, props.prefix).map((r) => ({
    ...r,
    label: t(`dashboard.channels.${channelKey(r.channel)}`),
  }))
  const drill = (r: ChannelVolume) => props.onDrill({ kind: 'channel', channel: r.channel })
  return (
    <ChartFrame
      title={t('dashboard.charts.volumeByChannel')}
      chart={
        <CountBars
          rows={rows}
          title={t('dashboard.charts.volumeByChannel')}
          name={t('dashboard.charts.tickets')}
          layout="vertical"
          height={Math.max(120, rows.length * 28 + 40)}
          onBar={drill}
        />
      }
      table={
        <DataTable
          caption={t('dashboard.charts.volumeByChannel')}
          columns={[
            { id: 'channel', header: t('dashboard.charts.channel'), value: (r) => r.label },
            {
              id: 'count',
              header: t('dashboard.charts.tickets'),
              value: (r) => r.count,
              render: (r) => formatFigure(i18n, r.count, 'count'),
              kpi: (r) => r.kpi,
              numeric: true,
            },
          ]}
          rows={rows}
          rowKey={(r) => r.channel}
          onDrill={drill}
          drillLabel={(r) => t('dashboard.drill.open', { what: r.label })}
          csvFile={props.csvFile}
        />
      }
    />
  )
}
