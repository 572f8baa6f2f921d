import { DEFAULT_THEME } from '@zendeskgarden/react-theming'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'
import type { SlaCountdown as Countdown } from './model'
import { shadeOf } from './palette'
import { MediumStrong } from './Text'

// Static styles, one rule per state: worked out once, not on every render.
const Box = styled.div`
  border-inline-start: 4px solid ${shadeOf(DEFAULT_THEME, 'yellow', 700, '#ac5918')};
  padding-inline-start: ${DEFAULT_THEME.space.xs};

  &[data-state='breached'] {
    border-inline-start-color: ${shadeOf(DEFAULT_THEME, 'red', 700, '#cd3642')};
  }
`

/** The time left to the ticket's next SLA target, or how long ago it was breached. */
export function SlaCountdown({ countdown }: { countdown: Countdown }) {
  const { t, format } = useI18n()
  const breached = countdown.state === 'breached'
  return (
    <Box data-state={countdown.state} data-testid="sla-countdown" role="timer" aria-live="off">
      <MediumStrong>
        {breached
          ? t('sidebar.sla.breached', { duration: format.duration(countdown.minutesAgo, '—') })
          : t('sidebar.sla.breachIn', { duration: format.duration(countdown.minutesLeft, '—') })}
      </MediumStrong>
    </Box>
  )
}
