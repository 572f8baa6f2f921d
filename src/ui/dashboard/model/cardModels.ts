// The dashboard's KPI cards: the core's kpiCards in the shape the card view reads.

import { kpiCards } from '@/core'
import type { KpiCardKey, KpiReport, KpiUnit, KpiVerdict } from '@/core'

import type { FigureUnit } from '../Figure'
import type { CardModel } from '../KpiCards'

const LABELS: Record<KpiCardKey, CardModel['label']> = {
  created: 'created',
  solved: 'solved',
  backlog: 'backlog',
  reopenRate: 'reopen',
  firstReplyMedian: 'firstReply',
  fullResolutionMedian: 'fullResolution',
  requesterWaitMedian: 'requesterWait',
  oneTouchRate: 'oneTouch',
  csat: 'csat',
  slaAchievement: 'sla',
}

const UNITS: Record<KpiUnit, FigureUnit> = { count: 'count', minutes: 'minutes', ratio: 'percent' }

const TRENDS: Record<KpiVerdict, CardModel['trend']> = {
  good: 'better',
  bad: 'worse',
  flat: 'same',
  neutral: 'same',
}

/**
 * The ten KPI cards of a report (core `kpiCards`: value, previous value, change, good or bad),
 * with the card view's label key, display unit and trend; kpi paths are the core's.
 *
 * @example
 * cardModels(report)[4] //=> { id: 'firstReplyMedian', label: 'firstReply', kpi: 'firstReplyMinutes.median', unit: 'minutes', trend: 'better', ... }
 */
export function cardModels(report: KpiReport): CardModel[] {
  return kpiCards(report).map((card) => ({
    id: card.key,
    label: LABELS[card.key],
    kpi: card.path,
    value: card.value,
    previous: card.previous,
    delta: card.delta,
    direction:
      card.delta === null ? null : card.delta > 0 ? 'up' : card.delta < 0 ? 'down' : 'flat',
    magnitude: card.delta === null ? null : Math.abs(card.delta),
    deltaUnit: UNITS[card.unit],
    unit: UNITS[card.unit],
    trend: card.verdict === null ? null : TRENDS[card.verdict],
    drill: card.drill,
    ...(card.secondary === null
      ? {}
      : {
          extra: {
            kpi: card.secondary.path,
            value: card.secondary.value,
            unit: UNITS[card.secondary.unit],
            label: 'csatResponse' as const,
          },
        }),
  }))
}
