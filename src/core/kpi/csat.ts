import type { CsatKpi } from '../types'
import { ratio } from './rate'

/**
 * CSAT from rating counts: score = good / (good + bad); response rate = (good + bad) / offered,
 * where offered counts every survey sent (good + bad + still `offered`); `unoffered` is left out
 * everywhere (docs/kpi-definitions.md A.2, A.3; third-party descriptions, official formula not
 * confirmed). Anchored on the solved date, like the other solved-ticket KPIs.
 *
 * @param good - tickets rated good (with or without comment)
 * @param bad - tickets rated bad
 * @param offeredUnanswered - surveys sent but not answered (score `offered`)
 *
 * @example
 * csatKpi(9, 1, 30) //=> { good: 9, bad: 1, offered: 40, score: 0.9, responseRate: 0.25 }
 * csatKpi(0, 0, 0) //=> { good: 0, bad: 0, offered: 0, score: null, responseRate: null }
 */
export function csatKpi(good: number, bad: number, offeredUnanswered: number): CsatKpi {
  const offered = good + bad + offeredUnanswered
  return {
    good,
    bad,
    offered,
    score: ratio(good, good + bad),
    responseRate: ratio(good + bad, offered),
  }
}
