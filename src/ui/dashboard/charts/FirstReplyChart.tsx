import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'

import { FIRST_REPLY_BUCKETS } from '@/core'
import type { Channel, FirstReplyBucket } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { channelKey } from '../model/channelKey'
import { ChartFrame } from '../ChartFrame'
import { formatFigure } from '../Figure'
import { MatrixTable } from '../MatrixTable'
import { firstReplyRows } from '../model/firstReplyRows'
import { legendText } from './legendText'
import type { Drill } from './types'
import { SERIES } from './types'

export interface FirstReplyChartProps {
  buckets: Readonly<Partial<Record<Channel, Readonly<Record<FirstReplyBucket, number>>>>>
  prefix: string
  onDrill: Drill
}

/** First replies per channel, stacked by how long they took (under 1 h … over 24 h). */
export function FirstReplyChart({ buckets, prefix, onDrill }: FirstReplyChartProps) {
  const i18n = useI18n()
  const { t } = i18n
  const rows = firstReplyRows(buckets).map((r) => ({
    ...r,
    label: t(`dashboard.channels.${channelKey(r.channel)}`),
  }))
  const drill = (row: number, bucket: FirstReplyBucket) => {
    const r = rows[row]
    if (r) onDrill({ kind: 'firstReplyBucket', channel: r.channel, bucket })
  }
  return (
    <ChartFrame
      title={t('dashboard.charts.firstReply')}
      chart={
        <BarChart
          responsive
          style={{ width: '100%', height: Math.max(160, rows.length * 30 + 70) }}
          layout="vertical"
          data={rows}
          margin={{ top: 4, right: 12, bottom: 0, left: 8 }}
          title={t('dashboard.charts.firstReply')}
        >
          <CartesianGrid stroke="#e9ebed" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={84} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend itemSorter={null} formatter={legendText} />
          {FIRST_REPLY_BUCKETS.map((bucket, i) => (
            <Bar
              key={bucket}
              stackId="frt"
              name={bucket}
              dataKey={bucket}
              fill={SERIES.buckets[i]}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(_, index) => drill(index, bucket)}
            />
          ))}
        </BarChart>
      }
      table={
        <MatrixTable
          caption={t('dashboard.charts.firstReply')}
          corner={t('dashboard.charts.channel')}
          columns={FIRST_REPLY_BUCKETS}
          rows={rows.map((r) => ({
            header: r.label,
            cells: FIRST_REPLY_BUCKETS.map((bucket) => ({
              value: r[bucket],
              text: formatFigure(i18n, r[bucket], 'count'),
              label: t('dashboard.charts.firstReplyCell', {
                channel: r.label,
                bucket,
                count: r[bucket],
                n: formatFigure(i18n, r[bucket], 'count'),
              }),
              kpi: `${prefix}firstReplyBuckets.${r.channel}.${bucket}`,
            })),
          }))}
          onDrill={(row, column) => drill(row, FIRST_REPLY_BUCKETS[column] ?? '<1h')}
        />
      }
    />
  )
}
