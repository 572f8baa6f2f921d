import { slaWarningKey } from '@/core/sla/slaWarningKey'

describe('slaWarningKey', () => {
  it('keys a warning by ticket, metric and assignee', () => {
    expect(slaWarningKey(42, 'first_reply_time', 7)).toBe('42:first_reply_time:7')
    expect(slaWarningKey(42, 'first_reply_time', 8)).not.toBe(
      slaWarningKey(42, 'first_reply_time', 7),
    )
  })
})
