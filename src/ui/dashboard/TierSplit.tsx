import type { PeriodReport } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { formatFigure } from './Figure'
import type { CardModel } from './KpiCards'
import { MatrixTable } from './MatrixTable'
import { valueAtPath } from './model/valueAtPath'

/** The VIP tiers in the order the dashboard shows them (segment names of the tier split). */
export const TIERS = ['platinum', 'gold', 'silver', 'standard'] as const
export type Tier = (typeof TIERS)[number]

export interface TierSplitProps {
  /** The team's cards: their kpi paths and units are read in each tier's report. */
  cards: readonly CardModel[]
  segments: Readonly<Record<string, PeriodReport>> | undefined
  onDrill: (card: CardModel, tier: Tier) => void
}

/** Every KPI card's figure per VIP tier: a row per KPI, a column per tier, each cell drillable. */
export function TierSplit({ cards, segments, onDrill }: TierSplitProps) {
  const i18n = useI18n()
  const { t } = i18n
  if (segments === undefined) return <p>{t('dashboard.tiers.none')}</p>
  const figures = cards.flatMap((card) =>
    card.extra === undefined
      ? [{ card, label: t(`dashboard.kpi.${card.label}`), kpi: card.kpi, unit: card.unit }]
      : [
          { card, label: t(`dashboard.kpi.${card.label}`), kpi: card.kpi, unit: card.unit },
          {
            card,
            label: t(`dashboard.kpi.${card.extra.label}`),
            kpi: card.extra.kpi,
            unit: card.extra.unit,
          },
        ],
  )
  return (
    <MatrixTable
      caption={t('dashboard.tiers.caption')}
      corner={t('dashboard.tiers.kpi')}
      columns={TIERS.map((tier) => t(`dashboard.tiers.${tier}`))}
      rows={figures.map((f) => ({
        header: f.label,
        cells: TIERS.map((tier) => {
          const value = valueAtPath(segments[tier], f.kpi)
          const text = formatFigure(i18n, value, f.unit)
          return {
            value,
            text,
            label: t('dashboard.tiers.cell', {
              tier: t(`dashboard.tiers.${tier}`),
              label: f.label,
              value: text,
            }),
            kpi: `segments.${tier}.${f.kpi}`,
          }
        }),
      }))}
      onDrill={(row, column) => {
        const f = figures[row]
        const tier = TIERS[column]
        if (f && tier) onDrill(f.card, tier)
      }}
    />
  )
}
