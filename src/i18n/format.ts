import { madeOnce } from '@/core'

export type Formatters = {
  number(value: number, maximumFractionDigits?: number): string
  percent(ratio: number): string
  currency(value: number, currency: string): string
  /** Minutes as "2 d 3 h", "5 h 20 min" or "45 min"; null means "not yet". */
  duration(minutes: number | null, notYet: string): string
  date(value: Date | string, timeZone?: string): string
  dateTime(value: Date | string, timeZone?: string): string
}

const UNITS = [
  ['day', 1440],
  ['hour', 60],
  ['minute', 1],
] as const

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value)
}

/**
 * Locale-aware formatting with `Intl`, one set per locale.
 *
 * @example
 * createFormatters('es').currency(1234.5, 'EUR') //=> '1234,50 €'
 * createFormatters('en').duration(125, 'not yet') //=> '2 hr 5 min'
 */
export function createFormatters(locale: string): Formatters {
  // A formatter costs far more to make than to use: one per set of options, made when first needed.
  const made = new Map<string, Intl.NumberFormat>()
  const numberFormat = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
    madeOnce(made, key, () => new Intl.NumberFormat(locale, options))
  const unitFormat = (unit: (typeof UNITS)[number][0]) =>
    numberFormat(`u${unit}`, { style: 'unit', unit, unitDisplay: 'short' })
  return {
    number: (value, maximumFractionDigits = 1) =>
      numberFormat(`n${maximumFractionDigits}`, { maximumFractionDigits }).format(value),
    percent: (ratio) =>
      numberFormat('p', { style: 'percent', maximumFractionDigits: 1 }).format(ratio),
    currency: (value, currency) => {
      // Whole units for large amounts: "$12,400" reads better in a sidebar than "$12,400.00".
      const whole = Math.abs(value) >= 1000
      return numberFormat(`c${currency}${whole ? 'w' : ''}`, {
        style: 'currency',
        currency,
        ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
      }).format(value)
    },
    duration: (minutes, notYet) => {
      if (minutes === null || !Number.isFinite(minutes)) return notYet
      let rest = Math.max(0, Math.round(minutes))
      const parts: string[] = []
      for (const [unit, size] of UNITS) {
        const amount = Math.floor(rest / size)
        rest -= amount * size
        if (amount > 0 && parts.length < 2) parts.push(unitFormat(unit).format(amount))
      }
      return parts.length > 0 ? parts.join(' ') : unitFormat('minute').format(0)
    },
    date: (value, timeZone) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(toDate(value)),
    dateTime: (value, timeZone) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        toDate(value),
      ),
  }
}

const formattersByLocale = new Map<string, Formatters>()

/**
 * The page's formatters for `locale`: one set per locale for the page's lifetime, so a formatter
 * made once (or ahead of time, see `warmSidebarText`) serves every render after it.
 */
export function formattersFor(locale: string): Formatters {
  return madeOnce(formattersByLocale, locale, () => createFormatters(locale))
}
