import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'

import { SERIES } from './types'

export interface CountBarsProps<T extends { label: string; count: number | null }> {
  rows: readonly T[]
  /** Chart title (also the SVG's title for screen readers). */
  title: string
  /** The series name the tooltip shows ("Tickets"). */
  name: string
  /** `vertical`: one horizontal bar per row, labels on the left; `horizontal`: columns. */
  layout: 'vertical' | 'horizontal'
  height: number
  onBar: (row: T) => void
}

/** One bar per row (its `count`), labelled by `label`; a click opens the row's tickets. */
export function CountBars<T extends { label: string; count: number | null }>({
  rows,
  title,
  name,
  layout,
  height,
  onBar,
}: CountBarsProps<T>) {
  const vertical = layout === 'vertical'
  return (
    <BarChart
      responsive
      layout={layout}
      style={{ width: '100%', height }}
      data={rows}
      margin={
        vertical
          ? { top: 4, right: 12, bottom: 0, left: 8 }
          : { top: 8, right: 8, bottom: 0, left: -16 }
      }
      title={title}
    >
      <CartesianGrid stroke="#e9ebed" horizontal={!vertical} vertical={vertical} />
      {vertical ? (
        <>
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={84} tick={{ fontSize: 11 }} />
        </>
      ) : (
        <>
          <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        </>
      )}
      <Tooltip />
      <Bar
        name={name}
        dataKey="count"
        fill={SERIES.current}
        cursor="pointer"
        isAnimationActive={false}
        onClick={(_, index) => {
          const row = rows[index]
          if (row) onBar(row)
        }}
      />
    </BarChart>
  )
}
