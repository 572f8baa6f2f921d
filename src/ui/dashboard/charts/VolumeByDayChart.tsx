import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'

import { useI18n } from '@/i18n/I18nProvider'

import { ChartFrame } from '../ChartFrame'
import { DataTable } from '../DataTable'
import type { Column } from '../DataTable'
import { formatFigure } from '../Figure'
import { dayOverlay } from '../model/dayOverlay'
import type { DayOverlayPoint } from '../model/dayOverlay'
import { legendText } from './legendText'
import type { Drill } from './types'
import { SERIES } from './types'

export interface VolumeByDayChartProps {
  current: Readonly<Record<string, number>>
  previous: Readonly<Record<string, number>>
  /** Prefix of the kpi paths ('' or `segments.<tier>.`). */
  prefix: string
  csvFile: string
  onDrill: Drill
}

/** Tickets created per day, with the previous period's days laid over them. */
export function VolumeByDayChart(props: VolumeByDayChartProps) {
  const i18n = useI18n()
  const { t } = i18n
  const points = dayOverlay(props.current, props.previous)
  const columns: Column<DayOverlayPoint>[] = [
    { id: 'day', header: t('dashboard.charts.day'), value: (p) => p.day },
    {
      id: 'current',
      header: t('dashboard.charts.current'),
      value: (p) => p.current,
      render: (p) => formatFigure(i18n, p.current, 'count'),
      kpi: (p) => `${props.prefix}tickets.byDay.${p.day}`,
      numeric: true,
    },
    { id: 'previousDay', header: t('dashboard.charts.previousDay'), value: (p) => p.previousDay },
    {
      id: 'previous',
      header: t('dashboard.charts.previous'),
      value: (p) => p.previous,
      render: (p) => formatFigure(i18n, p.previous, 'count'),
      kpi: (p) =>
        p.previousDay === null
          ? undefined
          : `${props.prefix}previous.tickets.byDay.${p.previousDay}`,
      numeric: true,
    },
  ]
  return (
    <ChartFrame
      title={t('dashboard.charts.volumeByDay')}
      chart={
        <LineChart
          responsive
          style={{ width: '100%', height: 220 }}
          data={points}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          title={t('dashboard.charts.volumeByDay')}
          onClick={(state) => {
            const point = points[Number(state.activeIndex)]
            if (point) props.onDrill({ kind: 'day', day: point.day })
          }}
        >
          <CartesianGrid stroke="#e9ebed" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend itemSorter={null} formatter={legendText} />
          <Line
            name={t('dashboard.charts.current')}
            dataKey="current"
            stroke={SERIES.current}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name={t('dashboard.charts.previous')}
            dataKey="previous"
            stroke={SERIES.previous}
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      }
      table={
        <DataTable
          caption={t('dashboard.charts.volumeByDay')}
          columns={columns}
          rows={points}
          rowKey={(p) => p.day}
          onDrill={(p) => props.onDrill({ kind: 'day', day: p.day })}
          drillLabel={(p) => t('dashboard.drill.open', { what: p.day })}
          csvFile={props.csvFile}
        />
      }
    />
  )
}
