import type { PriorityLevel, RequesterTicketScore, ScoreFactorView } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { glance } from './glanceStyles'
import { Pill } from './Pill'
import type { PillHue } from './Pill'
import { MediumText, SmallLabel } from './Text'
import { reasonText } from './text'

// Level → word and hue. The word is always shown: the colour only repeats it.
const LEVELS: Record<
  PriorityLevel,
  { word: 'critical' | 'high' | 'normal' | 'low'; hue: PillHue }
> = {
  critical: { word: 'critical', hue: 'red' },
  high: { word: 'high', hue: 'orange' },
  medium: { word: 'normal', hue: 'blue' },
  low: { word: 'low', hue: 'grey' },
}

export type ScoreSummaryProps = { score: RequesterTicketScore; reasons: ScoreFactorView[] }

/** The priority score with its level in words and colour, and its top reasons as sentences. */
export function ScoreSummary({ score, reasons }: ScoreSummaryProps) {
  const i18n = useI18n()
  const { t, format } = i18n
  const level = LEVELS[score.level]
  return (
    <section aria-labelledby="rr-score-label">
      <SmallLabel id="rr-score-label">{t('sidebar.score.label')}</SmallLabel>
      <div className={glance.row}>
        {/* Garden's XXL isBold, from the glance style sheet */}
        <div
          className={glance.score}
          data-testid="priority-score"
          aria-label={t('sidebar.score.outOf', { score: format.number(score.score, 0) })}
        >
          {format.number(score.score, 0)}
        </div>
        <Pill hue={level.hue} data-testid="priority-level">
          {t(`sidebar.score.level.${level.word}`)}
        </Pill>
      </div>
      {reasons.length > 0 && (
        <ul
          className={glance.reasons}
          aria-label={t('sidebar.score.topReasons')}
          data-testid="top-reasons"
        >
          {reasons.map((factor) => (
            <li key={factor.key}>
              <MediumText>{reasonText(i18n, factor)}</MediumText>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
