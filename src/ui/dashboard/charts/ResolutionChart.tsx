import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'

import type { Figure, ReportRange } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'
import { Loading } from '@/ui/Loading'
import { useFigureTotals } from '@/zendesk/hooks/useDrillDown'

import { ChartFrame } from '../ChartFrame'
import { DataTable } from '../DataTable'
import { formatFigure } from '../Figure'
import { resolutionBands } from '../model/resolutionBands'
import type { Drill } from './types'
import { SERIES } from './types'

export interface ResolutionChartProps {
  range: ReportRange
  tier: string | undefined
  csvFile: string
  onDrill: Drill
}

/**
 * Solved tickets by full resolution time. Each band's count is the number of tickets its
 * drill-down finds, so a bar and its ticket list always agree.
 */
export function ResolutionChart({ range, tier, csvFile, onDrill }: ResolutionChartProps) {
  const i18n = useI18n()
  const { t } = i18n
  const bands = resolutionBands()
  const figures: Figure[] = bands.map((b) => ({
    range,
    ...(tier === undefined ? {} : { tier }),
    select: { kind: 'resolutionBucket', fromMinutes: b.fromMinutes, toMinutes: b.toMinutes },
  }))
  const totals = useFigureTotals(figures)
  const rows = bands.map((b, i) => ({
    ...b,
    label:
      b.toMinutes === null
        ? t('dashboard.charts.bandOver', {
            from: formatFigure(i18n, b.fromMinutes, 'minutes'),
          })
        : t('dashboard.charts.band', {
            from: formatFigure(i18n, b.fromMinutes, 'minutes'),
            to: formatFigure(i18n, b.toMinutes, 'minutes'),
          }),
    count: totals.data?.[i] ?? null,
  }))
  const drill = (b: (typeof rows)[number]) =>
    onDrill({ kind: 'resolutionBucket', fromMinutes: b.fromMinutes, toMinutes: b.toMinutes })
  return (
    <ChartFrame
      title={t('dashboard.charts.resolution')}
      note={t('dashboard.charts.resolutionNote')}
      chart={
        totals.isPending ? (
          <Loading />
        ) : (
          <BarChart
            responsive
            style={{ width: '100%', height: 220 }}
            data={rows}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
            title={t('dashboard.charts.resolution')}
          >
            <CartesianGrid stroke="#e9ebed" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar
              name={t('dashboard.charts.tickets')}
              dataKey="count"
              fill={SERIES.current}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(_, index) => {
                const b = rows[index]
                if (b) drill(b)
              }}
            />
          </BarChart>
        )
      }
      table={
        <DataTable
          caption={t('dashboard.charts.resolution')}
          columns={[
            { id: 'band', header: t('dashboard.charts.band2'), value: (b) => b.label },
            {
              id: 'count',
              header: t('dashboard.charts.tickets'),
              value: (b) => b.count,
              render: (b) => formatFigure(i18n, b.count, 'count'),
              numeric: true,
            },
          ]}
          rows={rows}
          rowKey={(b) => String(b.fromMinutes)}
          onDrill={drill}
          drillLabel={(b) => t('dashboard.drill.open', { what: b.label })}
          csvFile={csvFile}
        />
      }
    />
  )
}
