import { MD } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'
import type { SlaCountdown as Countdown } from './model'
import { shadeOf } from './palette'

const Box = styled.div<{ $breached: boolean }>`
  border-inline-start: 4px solid
    ${(p) => (p.$breached ? shadeOf(p.theme, 'red', 700, '#cd3642') : shadeOf(p.theme, 'yellow', 700, '#ac5918'))};
  padding-inline-start: ${(p) => p.theme.space.xs};
`

/** The time left to the ticket's next SLA target, or how long ago it was breached. */
export function SlaCountdown({ countdown }: { countdown: Countdown }) {
  const { t, format } = useI18n()
  const breached = countdown.state === 'breached'
  return (
    <Box $breached={breached} data-testid="sla-countdown" role="timer" aria-live="off">
      <MD isBold>
        {breached
          ? t('sidebar.sla.breached', { duration: format.duration(countdown.minutesAgo, '—') })
          : t('sidebar.sla.breachIn', { duration: format.duration(countdown.minutesLeft, '—') })}
      </MD>
    </Box>
  )
}
