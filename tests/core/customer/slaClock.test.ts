import { minutesToBreachFromEvents } from '@/core/customer/slaClock'
import type { SlaClockEvent } from '@/core/customer'

const at = (hhmm: string): number => Date.parse(`2024-03-04T${hhmm}:00Z`)
const ev = (
  type: SlaClockEvent['type'],
  hhmm: string,
  extra: Partial<SlaClockEvent> = {},
): SlaClockEvent => ({
  metric: 'first_reply_time',
  instanceId: 1,
  type,
  time: at(hhmm),
  deleted: false,
  targetMinutes: null,
  ...extra,
})

describe('minutesToBreachFromEvents', () => {
  it('counts down a running clock from its target', () => {
    const events = [ev('activate', '09:00'), ev('apply_sla', '09:00', { targetMinutes: 60 })]
    expect(minutesToBreachFromEvents(events, at('09:35'))).toBe(25)
  })

  it('stops the clock while paused', () => {
    const events = [
      ev('apply_sla', '09:00', { metric: 'requester_wait_time', targetMinutes: 120 }),
      ev('activate', '09:00', { metric: 'requester_wait_time' }),
      ev('pause', '09:30', { metric: 'requester_wait_time' }),
      ev('activate', '11:00', { metric: 'requester_wait_time' }),
    ]
    expect(minutesToBreachFromEvents(events, at('10:30'))).toBe(90)
    expect(minutesToBreachFromEvents(events, at('11:30'))).toBe(60)
  })

  it('returns minutes since a breach as a negative number, ignoring deleted breaches', () => {
    const base = [ev('activate', '09:00'), ev('apply_sla', '09:00', { targetMinutes: 60 })]
    expect(minutesToBreachFromEvents([...base, ev('breach', '10:00')], at('10:20'))).toBe(-20)
    expect(
      minutesToBreachFromEvents([...base, ev('breach', '10:00', { deleted: true })], at('10:20')),
    ).toBe(-20)
  })

  it('ignores fulfilled clocks, until a reopen activates them again', () => {
    const events = [
      ev('activate', '09:00', { metric: 'requester_wait_time' }),
      ev('apply_sla', '09:00', { metric: 'requester_wait_time', targetMinutes: 240 }),
      ev('fulfill', '10:00', { metric: 'requester_wait_time' }),
    ]
    expect(minutesToBreachFromEvents(events, at('11:00'))).toBeNull()
    const reopened = [...events, ev('activate', '12:00', { metric: 'requester_wait_time' })]
    expect(minutesToBreachFromEvents(reopened, at('12:30'))).toBe(240 - 60 - 30)
  })

  it('takes the nearest breach over all live clocks and skips clocks without a target', () => {
    const events = [
      ev('activate', '09:00'),
      ev('apply_sla', '09:00', { targetMinutes: 60 }),
      ev('activate', '09:00', { metric: 'requester_wait_time' }),
      ev('apply_sla', '09:00', { metric: 'requester_wait_time', targetMinutes: 30 }),
      ev('activate', '09:00', { metric: 'agent_work_time' }),
    ]
    expect(minutesToBreachFromEvents(events, at('09:10'))).toBe(20)
  })

  describe('edge cases', () => {
    it('ignores events after now and returns null without live clocks', () => {
      expect(minutesToBreachFromEvents([], at('09:00'))).toBeNull()
      const later = [ev('activate', '10:00'), ev('apply_sla', '10:00', { targetMinutes: 60 })]
      expect(minutesToBreachFromEvents(later, at('09:00'))).toBeNull()
    })
  })
})
