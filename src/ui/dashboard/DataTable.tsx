import { Button } from '@zendeskgarden/react-buttons'
import { SM } from '@zendeskgarden/react-typography'
import type { ReactNode } from 'react'
import { useState } from 'react'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'

import { downloadCsv } from './csv'
import { sortRows } from './model/sortRows'
import type { SortDirection, SortValue } from './model/sortRows'

import { COLORS } from './colors'

export interface Column<T> {
  id: string
  header: string
  /** The raw value: sorts the column and fills the CSV. */
  value: (row: T) => SortValue
  /** How the cell reads on screen; defaults to the value as text. */
  render?: (row: T) => ReactNode
  /** The cell's path in `npm run kpi -- --json`, set as data-kpi. */
  kpi?: (row: T) => string | undefined
  numeric?: boolean
}

export interface DataTableProps<T> {
  caption: string
  columns: readonly Column<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string
  /** When set, the first cell is a button that opens the row's tickets. */
  onDrill?: ((row: T) => void) | undefined
  drillLabel?: ((row: T) => string) | undefined
  /** CSV file name; no export button without it. */
  csvFile?: string | undefined
  initialSort?: { column: string; direction: SortDirection } | undefined
  /** Text instead of the table when there are no rows. */
  empty?: string | undefined
}

const Wrap = styled.div`
  overflow-x: auto;
  max-width: 100%;
`

const Table = styled.table`
  border-collapse: collapse;
  width: 100%;
  font-size: ${(p) => p.theme.fontSizes.sm};

  caption {
    text-align: start;
    font-weight: ${(p) => p.theme.fontWeights.semibold};
    padding-block-end: ${(p) => p.theme.space.xs};
  }
  th,
  td {
    padding: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
    border-block-end: 1px solid ${COLORS.grey300};
    text-align: start;
    white-space: nowrap;
  }
  td[data-numeric='true'],
  th[data-numeric='true'] {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`

// Read by screen readers after the visible text (so the button's name still starts with it).
const Hidden = styled.span`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`

const HeaderButton = styled.button`
  all: unset;
  cursor: pointer;
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  &:focus-visible {
    outline: 2px solid ${COLORS.blue600};
    outline-offset: 2px;
  }
`

const Toolbar = styled.div`
  display: flex;
  justify-content: flex-end;
  padding-block-start: ${(p) => p.theme.space.xs};
`

/**
 * A table whose every column sorts (click or Enter on its header; aria-sort says how), whose rows
 * can open their tickets, and which exports itself as CSV.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t, locale } = useI18n()
  const { columns, rows } = props
  const [sort, setSort] = useState(props.initialSort ?? null)
  const column = columns.find((c) => c.id === sort?.column)
  const sorted =
    sort !== null && column !== undefined
      ? sortRows(rows, column.value, sort.direction, locale)
      : rows

  const toggle = (id: string) =>
    setSort((s) =>
      s?.column === id
        ? { column: id, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column: id, direction: 'descending' },
    )

  const exportCsv = (file: string) =>
    downloadCsv(
      file,
      columns.map((c) => c.header),
      sorted.map((row) => columns.map((c) => c.value(row))),
    )

  if (rows.length === 0 && props.empty !== undefined)
    return (
      <div>
        <SM isBold>{props.caption}</SM>
        <SM>{props.empty}</SM>
      </div>
    )
  return (
    <div>
      <Wrap>
        <Table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  data-numeric={c.numeric === true}
                  aria-sort={sort?.column === c.id ? sort.direction : 'none'}
                >
                  <HeaderButton type="button" onClick={() => toggle(c.id)}>
                    {c.header}
                    {sort?.column === c.id ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </HeaderButton>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={props.rowKey(row)}>
                {columns.map((c, i) => {
                  const content = c.render ? c.render(row) : (c.value(row) ?? '—')
                  const kpi = c.kpi?.(row)
                  const raw = c.value(row)
                  const marks =
                    kpi === undefined ? {} : { 'data-kpi': kpi, 'data-value': String(raw) }
                  const Cell = i === 0 ? 'th' : 'td'
                  return (
                    <Cell
                      key={c.id}
                      {...(i === 0 ? { scope: 'row' } : {})}
                      data-numeric={c.numeric === true}
                    >
                      {i === 0 && props.onDrill ? (
                        <Button isLink onClick={() => props.onDrill?.(row)} {...marks}>
                          {content}
                          {props.drillLabel && <Hidden> ({props.drillLabel(row)})</Hidden>}
                        </Button>
                      ) : (
                        <span {...marks}>{content}</span>
                      )}
                    </Cell>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      </Wrap>
      {props.csvFile !== undefined && (
        <Toolbar>
          <Button size="small" onClick={() => exportCsv(props.csvFile as string)}>
            {t('dashboard.csv')}
          </Button>
        </Toolbar>
      )}
    </div>
  )
}
