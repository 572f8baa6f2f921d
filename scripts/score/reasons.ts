// English text of the value model's reason keys (the app translates the same keys; see
// docs/value-model.md for the list).

import type { Reason } from '@/core/customer'

const TIER_NAMES: Record<string, string> = {
  standard: 'Standard',
  silver: 'Silver',
  gold: 'Gold',
  platinum: 'Platinum',
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const mod100 = n % 100
  const suffix =
    mod100 >= 11 && mod100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th')
  return `${n}${suffix}`
}

function money(value: unknown, currency: string | number | undefined): string {
  const n = typeof value === 'number' ? value : Number(value)
  const text = n.toLocaleString('en-US', {
    maximumFractionDigits: 2,
    minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
  })
  return currency === 'points' ? `${text} points` : currency ? `${text} ${String(currency)}` : text
}

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const h = Math.round((minutes / 60) * 10) / 10
  return h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} days`
}

const n = (v: unknown): number => (typeof v === 'number' ? v : Number(v))

const TEXT: Record<string, (p: Reason['params']) => string> = {
  'valueModel.reason.tier': (p) =>
    p.value === undefined
      ? `${TIER_NAMES[String(p.tier)] ?? String(p.tier)} customer`
      : `${TIER_NAMES[String(p.tier)] ?? String(p.tier)} customer (${money(p.value, p.currency)})`,
  'valueModel.reason.value': (p) => `Customer value ${money(p.value, p.currency)}`,
  'valueModel.reason.valueEstimate': (p) => `Estimated engagement ${money(p.value, 'points')}`,
  'valueModel.reason.valueUnknown': () => 'Customer value unknown',
  'valueModel.reason.churnRisk': (p) => `Churn risk ${n(p.percent)} %`,
  'valueModel.reason.churnRiskUnknown': () => 'Churn risk unknown',
  'valueModel.reason.waiting': (p) => `Waiting ${duration(n(p.minutes))}`,
  'valueModel.reason.waitingUnknown': () => 'Waiting time unknown',
  'valueModel.reason.slaBreachIn': (p) => `SLA breach in ${duration(n(p.minutes))}`,
  'valueModel.reason.slaBreached': (p) => `SLA breached ${duration(n(p.minutes))} ago`,
  'valueModel.reason.noSlaTarget': () => 'No SLA target',
  'valueModel.reason.ticketPriority': (p) => {
    const s = String(p.priority)
    return `${s.charAt(0).toUpperCase()}${s.slice(1)} priority`
  },
  'valueModel.reason.priorityUnknown': () => 'No ticket priority',
  'valueModel.reason.repeatContact': (p) => `${ordinal(n(p.ordinal))} contact in ${n(p.days)} days`,
  'valueModel.reason.firstContact': (p) => `First contact in ${n(p.days)} days`,
  'valueModel.reason.contactsUnknown': () => 'Contact history unknown',
  'valueModel.reason.channelLoyalty': (p) =>
    `${String(p.channel)} customers churn at ${n(p.percent)} % of the least loyal channel's rate`,
  'valueModel.reason.channelUnknown': (p) => `No loyalty measure for ${String(p.channel)}`,
  'valueModel.reason.effort': (p) => `Expected effort ${duration(Math.round(n(p.hours) * 60))}`,
  'valueModel.reason.effortUnknown': () => 'Expected effort unknown',
}

/**
 * English text of a reason; an unknown key is shown as the key itself.
 *
 * @example
 * reasonText({ key: 'valueModel.reason.repeatContact', params: { ordinal: 3, days: 7 } }) //=> '3rd contact in 7 days'
 */
export function reasonText(reason: Reason): string {
  const f = TEXT[reason.key]
  return f === undefined ? reason.key : f(reason.params)
}

export const REASON_KEYS = Object.keys(TEXT)
