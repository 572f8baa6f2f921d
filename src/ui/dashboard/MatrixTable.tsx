import type { KeyboardEvent } from 'react'
import { useRef, useState } from 'react'
import styled from 'styled-components'

import { COLORS } from './colors'

export interface MatrixCell {
  value: number | null
  /** What the cell reads as (formatted). */
  text: string
  /** Spoken label of the cell's button, e.g. "Monday 09:00, 42 tickets". */
  label: string
  kpi?: string
  /** 0…1 shade; cells are plain when undefined. */
  intensity?: number
}

export interface MatrixTableProps {
  caption: string
  corner: string
  columns: readonly string[]
  rows: readonly { header: string; cells: readonly MatrixCell[] }[]
  onDrill: (row: number, column: number) => void
  /** Compact cells (the heatmap's 24 hours). */
  dense?: boolean
}

const Wrap = styled.div`
  overflow-x: auto;
  max-width: 100%;
`

const Table = styled.table<{ $dense: boolean }>`
  border-collapse: collapse;
  font-size: ${(p) => (p.$dense ? p.theme.fontSizes.xs : p.theme.fontSizes.sm)};
  caption {
    text-align: start;
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }
  th {
    font-weight: ${(p) => p.theme.fontWeights.regular};
    padding: 2px ${(p) => p.theme.space.xxs};
    white-space: nowrap;
  }
  td {
    padding: 1px;
  }
`

const Cell = styled.button<{ $shade: number | undefined; $dense: boolean }>`
  all: unset;
  box-sizing: border-box;
  display: block;
  min-width: ${(p) => (p.$dense ? '26px' : '48px')};
  padding: ${(p) => (p.$dense ? '4px 2px' : '4px 6px')};
  text-align: center;
  cursor: pointer;
  font-variant-numeric: tabular-nums;
  border-radius: 2px;
  /* Shade from the palette's blue, at most 85 % so near-black text keeps 4.5:1 on every cell. */
  background: ${(p) =>
    p.$shade === undefined
      ? 'transparent'
      : `color-mix(in srgb, ${COLORS.blue700} ${Math.round(p.$shade * 85)}%, ${COLORS.white})`};
  color: ${COLORS.grey1200};
  &:hover {
    outline: 1px solid ${COLORS.grey600};
  }
  &:focus-visible {
    outline: 2px solid ${COLORS.blue600};
    outline-offset: 1px;
  }
`

/**
 * A grid of figures whose every cell opens its tickets. One cell is in the tab order at a time;
 * arrow keys, Home and End move between cells (a roving tab stop, as in a data grid).
 */
export function MatrixTable({ caption, corner, columns, rows, onDrill, dense }: MatrixTableProps) {
  const [focus, setFocus] = useState<[number, number]>([0, 0])
  const refs = useRef(new Map<string, HTMLButtonElement>())
  const move = (event: KeyboardEvent, r: number, c: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, c + 1],
      ArrowLeft: [r, c - 1],
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      Home: [r, 0],
      End: [r, columns.length - 1],
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    const nr = Math.min(Math.max(next[0], 0), rows.length - 1)
    const nc = Math.min(Math.max(next[1], 0), columns.length - 1)
    setFocus([nr, nc])
    refs.current.get(`${nr}:${nc}`)?.focus()
  }
  return (
    <Wrap>
      <Table $dense={dense === true}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.header}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, c) => (
                <td key={columns[c] ?? c}>
                  <Cell
                    type="button"
                    ref={(el) => {
                      if (el) refs.current.set(`${r}:${c}`, el)
                      else refs.current.delete(`${r}:${c}`)
                    }}
                    tabIndex={focus[0] === r && focus[1] === c ? 0 : -1}
                    aria-label={cell.label}
                    $shade={cell.intensity}
                    $dense={dense === true}
                    onClick={() => onDrill(r, c)}
                    onKeyDown={(e) => move(e, r, c)}
                    onFocus={() => setFocus([r, c])}
                    {...(cell.kpi === undefined
                      ? {}
                      : {
                          'data-kpi': cell.kpi,
                          'data-value': cell.value === null ? 'null' : String(cell.value),
                        })}
                  >
                    {cell.text}
                  </Cell>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </Wrap>
  )
}
