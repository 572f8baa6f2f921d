// The reasons shown at a glance: the factors that gave the score most.

import type { RequesterTicketScore, ScoreFactorView } from '@/core'

/**
 * The `count` factors with the largest contribution (ties keep the model's factor order); factors
 * whose input was missing or that gave nothing are left out.
 *
 * @example
 * topReasons(score).map((f) => f.key) //=> ['value', 'slaBreach']
 */
export function topReasons(score: RequesterTicketScore, count = 2): ScoreFactorView[] {
  return score.factors
    .map((factor, index) => ({ factor, index }))
    .filter(({ factor }) => !factor.missing && factor.contribution > 0)
    .sort((a, b) => b.factor.contribution - a.factor.contribution || a.index - b.index)
    .slice(0, count)
    .map(({ factor }) => factor)
}
