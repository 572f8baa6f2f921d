import { useI18n } from '@/i18n/I18nProvider'

import { ChartFrame } from '../ChartFrame'
import { formatFigure } from '../Figure'
import { MatrixTable } from '../MatrixTable'
import { heatmapCells } from '../model/heatmapCells'
import { weekdayNames } from '../model/weekdayNames'
import type { Drill } from './types'

export interface HeatmapProps {
  byWeekdayHour: readonly (readonly number[])[]
  prefix: string
  timeZone: string
  onDrill: Drill
}

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'))

/**
 * Tickets created per weekday and hour in the reporting time zone. The heatmap is itself a table
 * (shaded cells, one button per cell), so its chart and table views are the same grid; the table
 * view drops the shading and spells out the weekdays.
 */
export function Heatmap({ byWeekdayHour, prefix, timeZone, onDrill }: HeatmapProps) {
  const i18n = useI18n()
  const { t, locale } = i18n
  const cells = heatmapCells(byWeekdayHour)
  const short = weekdayNames(locale, 'short')
  const long = weekdayNames(locale, 'long')
  const grid = (shaded: boolean) => (
    <MatrixTable
      caption={t('dashboard.charts.heatmapCaption', { timeZone })}
      corner={t('dashboard.charts.weekday')}
      columns={HOURS}
      dense
      rows={cells.map((row, w) => ({
        header: shaded ? (short[w] ?? '') : (long[w] ?? ''),
        cells: row.map((cell) => ({
          value: cell.count,
          text: formatFigure(i18n, cell.count, 'count'),
          label: t('dashboard.charts.heatmapCell', {
            weekday: long[w] ?? '',
            hour: HOURS[cell.hour] ?? '',
            count: cell.count,
            n: formatFigure(i18n, cell.count, 'count'),
          }),
          kpi: `${prefix}tickets.byWeekdayHour.${cell.weekday}.${cell.hour}`,
          ...(shaded ? { intensity: cell.intensity } : {}),
        })),
      }))}
      onDrill={(weekday, hour) => onDrill({ kind: 'weekdayHour', weekday, hour })}
    />
  )
  return (
    <ChartFrame title={t('dashboard.charts.heatmap')} chart={grid(true)} table={grid(false)} wide />
  )
}
