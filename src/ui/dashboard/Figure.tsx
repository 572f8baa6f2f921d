import { useI18n } from '@/i18n/I18nProvider'
import type { I18n } from '@/i18n/I18nProvider'

/** How a figure reads: a count, a ratio shown as %, minutes shown as a duration, or money. */
export type FigureUnit = 'count' | 'percent' | 'minutes' | 'hours' | 'money'

/** A figure as text in the reader's locale; null reads as a dash ("no data"). */
export function formatFigure(
  i18n: Pick<I18n, 'format' | 't'>,
  value: number | null,
  unit: FigureUnit,
  currency = 'USD',
): string {
  if (value === null || !Number.isFinite(value)) return '—'
  switch (unit) {
    case 'count':
      return i18n.format.number(value, 0)
    case 'percent':
      return i18n.format.percent(value)
    case 'minutes':
      return i18n.format.duration(value, i18n.t('format.durationUnknown'))
    case 'hours':
      return i18n.format.duration(value * 60, i18n.t('format.durationUnknown'))
    case 'money':
      return i18n.format.currency(value, currency)
  }
}

export interface FigureValueProps {
  value: number | null
  unit: FigureUnit
  /** Path of the figure in `npm run kpi -- --json` (the browser tests compare the two). */
  kpi: string
  currency?: string
}

/** One figure on screen, with its kpi path and raw value as data attributes. */
export function FigureValue({ value, unit, kpi, currency }: FigureValueProps) {
  const i18n = useI18n()
  return (
    <span data-kpi={kpi} data-value={value === null ? 'null' : String(value)}>
      {formatFigure(i18n, value, unit, currency)}
    </span>
  )
}
