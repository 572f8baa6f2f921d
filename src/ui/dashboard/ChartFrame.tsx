import { Button } from '@zendeskgarden/react-buttons'
import { LG } from '@zendeskgarden/react-typography'
import type { ReactNode } from 'react'
import { useId, useState } from 'react'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'

import { COLORS } from './colors'

const Section = styled.section<{ $wide: boolean }>`
  grid-column: ${(p) => (p.$wide ? '1 / -1' : 'auto')};
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
  min-width: 0;
  padding: ${(p) => p.theme.space.sm};
  border: 1px solid ${COLORS.grey300};
  border-radius: ${(p) => p.theme.borderRadii.md};
`

const Head = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
`

export interface ChartFrameProps {
  title: string
  /** One sentence under the title (what the chart shows, or its finding). */
  note?: ReactNode
  chart: ReactNode
  /** The same figures as a table: what screen readers and keyboard users work with. */
  table: ReactNode
  /** Spans the whole row of the chart grid (the 24-hour heatmap). */
  wide?: boolean
}

/**
 * A chart with a button that swaps it for its table: the table carries the same figures, their
 * kpi paths and a drill-down button per row, for screen readers and keyboards.
 */
export function ChartFrame({ title, note, chart, table, wide }: ChartFrameProps) {
  const { t } = useI18n()
  const [asTable, setAsTable] = useState(false)
  const id = useId()
  return (
    <Section aria-labelledby={id} $wide={wide === true}>
      <Head>
        <LG tag="h3" id={id}>
          {title}
        </LG>
        <Button size="small" isBasic aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('dashboard.charts.showChart') : t('dashboard.charts.showTable')}
        </Button>
      </Head>
      {note !== undefined && <div>{note}</div>}
      {asTable ? table : chart}
    </Section>
  )
}
