import { DEFAULT_THEME } from '@zendeskgarden/react-theming'
import { XXL } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import type { PriorityLevel, RequesterTicketScore, ScoreFactorView } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

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

// Static styles (the default theme's spacing): worked out once, not on every render.
const Row = styled.div`
  display: flex;
  align-items: center;
  gap: ${DEFAULT_THEME.space.sm};
`

const Reasons = styled.ul`
  margin: ${DEFAULT_THEME.space.xxs} 0 0;
  padding-inline-start: ${DEFAULT_THEME.space.md};
`

export type ScoreSummaryProps = { score: RequesterTicketScore; reasons: ScoreFactorView[] }

/** The priority score with its level in words and colour, and its top reasons as sentences. */
export function ScoreSummary({ score, reasons }: ScoreSummaryProps) {
  const i18n = useI18n()
  const { t, format } = i18n
  const level = LEVELS[score.level]
  return (
    <section aria-labelledby="rr-score-label">
      <SmallLabel id="rr-score-label">{t('sidebar.score.label')}</SmallLabel>
      <Row>
        <XXL
          isBold
          data-testid="priority-score"
          aria-label={t('sidebar.score.outOf', { score: format.number(score.score, 0) })}
        >
          {format.number(score.score, 0)}
        </XXL>
        <Pill hue={level.hue} data-testid="priority-level">
          {t(`sidebar.score.level.${level.word}`)}
        </Pill>
      </Row>
      {reasons.length > 0 && (
        <Reasons aria-label={t('sidebar.score.topReasons')} data-testid="top-reasons">
          {reasons.map((factor) => (
            <li key={factor.key}>
              <MediumText>{reasonText(i18n, factor)}</MediumText>
            </li>
          ))}
        </Reasons>
      )}
    </section>
  )
}
