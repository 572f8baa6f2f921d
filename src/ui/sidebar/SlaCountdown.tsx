import { useI18n } from '@/i18n/I18nProvider'
import type { SlaCountdown as Countdown } from './model'
import { glance } from './glanceStyles'
import { MediumStrong } from './Text'

/** The time left to the ticket's next SLA target, or how long ago it was breached. */
export function SlaCountdown({ countdown }: { countdown: Countdown }) {
  const { t, format } = useI18n()
  const breached = countdown.state === 'breached'
  return (
    <div
      className={glance.countdown}
      data-state={countdown.state}
      data-testid="sla-countdown"
      role="timer"
      aria-live="off"
    >
      <MediumStrong>
        {breached
          ? t('sidebar.sla.breached', { duration: format.duration(countdown.minutesAgo, '—') })
          : t('sidebar.sla.breachIn', { duration: format.duration(countdown.minutesLeft, '—') })}
      </MediumStrong>
    </div>
  )
}
