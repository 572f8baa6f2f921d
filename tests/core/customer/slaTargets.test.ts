import { minutesToSlaBreach } from '@/core/customer/slaTargets'
import { buildItem } from './customerFixtures'

const CREATED = '2024-03-04T09:00:00Z'
const at = (iso: string): number => Date.parse(iso)

describe('minutesToSlaBreach', () => {
  it('counts down to the first-reply target before any reply', () => {
    const item = buildItem({ created: CREATED, replies: 0 })
    expect(minutesToSlaBreach(item, at('2024-03-04T16:35:00Z'))).toBe(25)
  })

  it('goes negative once breached', () => {
    const item = buildItem({ created: CREATED, replies: 0, priority: 'urgent' })
    expect(minutesToSlaBreach(item, at('2024-03-04T10:30:00Z'))).toBe(-30)
  })

  it('switches to the requester-wait target after a reply', () => {
    const item = buildItem({ created: CREATED, replies: 1, priority: 'high' })
    expect(minutesToSlaBreach(item, at('2024-03-04T10:00:00Z'))).toBe(1440 - 60)
  })

  it('uses configured targets', () => {
    const item = buildItem({ created: CREATED, replies: 0, priority: 'low' })
    const targets = {
      firstReply: { low: 30, normal: 30, high: 30, urgent: 30 },
      requesterWait: { low: 60, normal: 60, high: 60, urgent: 60 },
    }
    expect(minutesToSlaBreach(item, at('2024-03-04T09:10:00Z'), targets)).toBe(20)
  })

  describe('edge cases', () => {
    it.each([
      ['a solved ticket', buildItem({ created: CREATED, solved: '2024-03-04T10:00:00Z' })],
      ['a ticket without priority', buildItem({ created: CREATED, priority: null })],
    ])('returns null for %s', (_, item) => {
      expect(minutesToSlaBreach(item, at('2024-03-04T12:00:00Z'))).toBeNull()
    })

    it('returns null before the ticket exists', () => {
      expect(
        minutesToSlaBreach(buildItem({ created: CREATED }), at('2024-03-04T08:00:00Z')),
      ).toBeNull()
    })
  })
})
