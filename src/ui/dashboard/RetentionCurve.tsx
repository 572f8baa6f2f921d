import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'

import type { ResolutionBucket, RetentionByResolution } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { ChartFrame } from './ChartFrame'
import { SERIES } from './charts/types'
import { DataTable } from './DataTable'
import { FigureValue, formatFigure } from './Figure'
import { bandKey } from './model/bandKey'
import { kneeSentence } from './model/kneeSentence'

export interface RetentionCurveProps {
  byResolution: RetentionByResolution
  csvFile: string
}

const PATH = 'retention.byResolution'

/**
 * Retention by the customer's median resolution time: the curve, its turning point marked, and
 * one sentence saying what the turning point means.
 */
export function RetentionCurve({ byResolution, csvFile }: RetentionCurveProps) {
  const i18n = useI18n()
  const { t } = i18n
  const rows = byResolution.buckets
  const sentence = kneeSentence(byResolution)
  const bandLabel = (b: ResolutionBucket) =>
    b.toHours === null
      ? t('dashboard.charts.bandOver', { from: formatFigure(i18n, b.fromHours, 'hours') })
      : t('dashboard.charts.band', {
          from: formatFigure(i18n, b.fromHours, 'hours'),
          to: formatFigure(i18n, b.toHours, 'hours'),
        })
  const note =
    sentence.key === 'none' ? (
      t('dashboard.retention.knee.none')
    ) : (
      <span>
        {t(`dashboard.retention.knee.${sentence.key}`, {
          below: formatFigure(i18n, sentence.below, 'count'),
          above: formatFigure(i18n, sentence.above, 'count'),
        })}{' '}
        <strong>
          {t('dashboard.retention.knee.at')}{' '}
          <FigureValue kpi={`${PATH}.knee.hours`} value={sentence.hours} unit="hours" />
        </strong>
      </span>
    )
  return (
    <ChartFrame
      title={t('dashboard.retention.byResolution')}
      note={note}
      chart={
        <LineChart
          responsive
          style={{ width: '100%', height: 220 }}
          data={rows}
          margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
          title={t('dashboard.retention.byResolution')}
        >
          <CartesianGrid stroke="#e9ebed" vertical={false} />
          <XAxis
            dataKey="fromHours"
            type="number"
            scale="sqrt"
            domain={[0, 'dataMax']}
            tick={{ fontSize: 11 }}
            unit=" h"
          />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => i18n.format.percent(v)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? i18n.format.percent(v) : '')} />
          <Line
            name={t('dashboard.retention.rate')}
            dataKey="rate"
            stroke={SERIES.current}
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls
          />
          {sentence.key !== 'none' && (
            <ReferenceLine
              x={sentence.hours}
              stroke="#cc3340"
              strokeDasharray="4 3"
              label={{ value: t('dashboard.retention.kneeMark'), fontSize: 11, position: 'top' }}
            />
          )}
        </LineChart>
      }
      table={
        <DataTable
          caption={t('dashboard.retention.byResolution')}
          columns={[
            { id: 'band', header: t('dashboard.retention.band'), value: bandLabel },
            {
              id: 'customers',
              header: t('dashboard.retention.customers'),
              value: (b) => b.customers,
              render: (b) => formatFigure(i18n, b.customers, 'count'),
              kpi: (b) => `${PATH}.buckets.${bandKey(b)}.customers`,
              numeric: true,
            },
            {
              id: 'rate',
              header: t('dashboard.retention.rate'),
              value: (b) => b.rate,
              render: (b) => formatFigure(i18n, b.rate, 'percent'),
              kpi: (b) => `${PATH}.buckets.${bandKey(b)}.rate`,
              numeric: true,
            },
          ]}
          rows={rows}
          rowKey={(b) => String(b.fromHours)}
          csvFile={csvFile}
        />
      }
    />
  )
}
