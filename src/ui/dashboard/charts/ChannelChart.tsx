import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'

import type { Channel } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { channelKey } from '../model/channelKey'
import { ChartFrame } from '../ChartFrame'
import { DataTable } from '../DataTable'
import { formatFigure } from '../Figure'
import { channelVolume } from '../model/channelVolume'
import type { ChannelVolume } from '../model/channelVolume'
import type { Drill } from './types'
import { SERIES } from './types'

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
        <BarChart
          responsive
          layout="vertical"
          style={{ width: '100%', height: Math.max(120, rows.length * 28 + 40) }}
          data={rows}
          margin={{ top: 4, right: 12, bottom: 0, left: 8 }}
          title={t('dashboard.charts.volumeByChannel')}
        >
          <CartesianGrid stroke="#e9ebed" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={84} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar
            name={t('dashboard.charts.tickets')}
            dataKey="count"
            fill={SERIES.current}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_, index) => {
              const r = rows[index]
              if (r) drill(r)
            }}
          />
        </BarChart>
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
