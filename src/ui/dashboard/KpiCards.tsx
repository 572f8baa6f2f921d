import { MD, SM } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import type { DrillKpi } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { FigureValue, formatFigure } from './Figure'
import type { FigureUnit } from './Figure'

import { COLORS } from './colors'

/** One KPI card as the dashboard shows it (built from the core's kpiCards). */
export interface CardModel {
  id: string
  /** Translation key under dashboard.kpi. */
  label:
    | 'created'
    | 'solved'
    | 'backlog'
    | 'reopen'
    | 'firstReply'
    | 'fullResolution'
    | 'requesterWait'
    | 'oneTouch'
    | 'csat'
    | 'sla'
  kpi: string
  value: number | null
  previous: number | null
  /** The change against the previous period (value − previous); null without a comparison. */
  delta: number | null
  /** Which way the figure moved, and by how much (unsigned), as the card prints it. */
  direction: 'up' | 'down' | 'flat' | null
  magnitude: number | null
  deltaUnit: FigureUnit
  unit: FigureUnit
  /** Whether the change is good news (a drop in first reply time is). */
  trend: 'better' | 'worse' | 'same' | null
  drill: DrillKpi
  /** A second figure under the value (CSAT's response rate). */
  extra?: { kpi: string; value: number | null; unit: FigureUnit; label: 'csatResponse' }
}

const Grid = styled.ul`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
  gap: ${(p) => p.theme.space.sm};
  margin: 0;
  padding: 0;
  list-style: none;
`

const Card = styled.li`
  border: 1px solid ${COLORS.grey300};
  border-radius: ${(p) => p.theme.borderRadii.md};
`

const CardButton = styled.button`
  all: unset;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  gap: 2px;
  width: 100%;
  padding: ${(p) => p.theme.space.sm};
  cursor: pointer;
  &:hover {
    background: ${COLORS.grey100};
  }
  &:focus-visible {
    outline: 2px solid ${COLORS.blue600};
    outline-offset: -2px;
  }
`

const Value = styled.span`
  font-size: ${(p) => p.theme.fontSizes.xl};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  font-variant-numeric: tabular-nums;
`

const Delta = styled.span<{ $trend: CardModel['trend'] }>`
  font-size: ${(p) => p.theme.fontSizes.sm};
  /* Garden's green 700 and red 700 keep 4.5:1 contrast on white. */
  color: ${(p) =>
    p.$trend === 'better'
      ? COLORS.green700
      : p.$trend === 'worse'
        ? COLORS.red700
        : COLORS.grey700};
`

// The arrow shows which way the figure moved; the colour (and the words) whether that is good.
const ARROW = { up: '▲', down: '▼', flat: '=' } as const
const SIGN = { up: '+', down: '−', flat: '±' } as const

export interface KpiCardsProps {
  cards: readonly CardModel[]
  /** Prefix of the kpi paths of a tier's cards (`segments.gold.`); '' for the whole team. */
  onDrill: (card: CardModel) => void
}

/** The KPI cards: value, change against the previous period (green good, red bad), drill-down. */
export function KpiCards({ cards, onDrill }: KpiCardsProps) {
  const i18n = useI18n()
  const { t } = i18n
  return (
    <Grid>
      {cards.map((card) => {
        const label = t(`dashboard.kpi.${card.label}`)
        const delta =
          card.direction === null
            ? t('dashboard.kpi.noPrevious')
            : t(`dashboard.kpi.trend.${card.trend ?? 'same'}`, {
                delta: `${SIGN[card.direction]}${formatFigure(i18n, card.magnitude, card.deltaUnit)}`,
                previous: formatFigure(i18n, card.previous, card.unit),
              })
        return (
          <Card key={card.id}>
            <CardButton type="button" onClick={() => onDrill(card)}>
              <MD tag="span">{label}</MD>
              <Value>
                <FigureValue kpi={card.kpi} value={card.value} unit={card.unit} />
              </Value>
              <Delta $trend={card.direction === null ? null : card.trend}>
                {card.direction !== null && (
                  <span aria-hidden="true">{ARROW[card.direction]} </span>
                )}
                {delta}
              </Delta>
              {card.extra !== undefined && (
                <SM tag="span">
                  {t(`dashboard.kpi.${card.extra.label}`)}{' '}
                  <FigureValue
                    kpi={card.extra.kpi}
                    value={card.extra.value}
                    unit={card.extra.unit}
                  />
                </SM>
              )}
            </CardButton>
          </Card>
        )
      })}
    </Grid>
  )
}
