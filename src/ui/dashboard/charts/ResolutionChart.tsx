import type { ResolutionTimeBucket } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { ChartFrame } from '../ChartFrame'
import { DataTable } from '../DataTable'
import { formatFigure } from '../Figure'
import { resolutionRows } from '../model/resolutionRows'
import type { ResolutionRow } from '../model/resolutionRows'
import { CountBars } from './CountBars'
import type { Drill } from './types'

export interface ResolutionChartProps {
  /** The report's `fullResolutionMinutes.buckets` (solved tickets per band). */
  buckets: Readonly<Partial<Record<ResolutionTimeBucket, number>>> | undefined
  prefix: string
  csvFile: string
  onDrill: Drill
}

/**
 * Solved tickets by full resolution time, from the report's distribution (the kpi command's
 * `fullResolutionMinutes.buckets`); a band's drill-down lists the same tickets.
 */
export function ResolutionChart({ buckets, prefix, csvFile, onDrill }: ResolutionChartProps) {
  const i18n = useI18n()
  const { t } = i18n
  const rows = resolutionRows(buckets, prefix).map((b) => ({
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
  }))
  const drill = (b: ResolutionRow) =>
    onDrill({ kind: 'resolutionBucket', fromMinutes: b.fromMinutes, toMinutes: b.toMinutes })
  return (
    <ChartFrame
      title={t('dashboard.charts.resolution')}
      note={t('dashboard.charts.resolutionNote')}
      chart={
        <CountBars
          rows={rows}
          title={t('dashboard.charts.resolution')}
          name={t('dashboard.charts.tickets')}
          layout="horizontal"
          height={220}
          onBar={drill}
        />
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
              kpi: (b) => b.kpi,
              numeric: true,
            },
          ]}
          rows={rows}
          rowKey={(b) => b.bucket}
          onDrill={drill}
          drillLabel={(b) => t('dashboard.drill.open', { what: b.label })}
          csvFile={csvFile}
        />
      }
    />
  )
}
