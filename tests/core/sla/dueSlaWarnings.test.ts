import { dueSlaWarnings } from '@/core/sla/dueSlaWarnings'
import { slaWarningKey } from '@/core/sla/slaWarningKey'
import type { SlaWarningRecord, SlaWatchedTicket } from '@/core/sla/types'

const BREACH = Date.UTC(2026, 9, 31, 12, 0)
const MIN = 60_000
const AGENT = 7

function ticket(overrides: Partial<SlaWatchedTicket> = {}): SlaWatchedTicket {
  return {
    id: 100,
    status: 'open',
    assigneeId: AGENT,
    tier: 'gold',
    targets: [{ metric: 'first_reply_time', stage: 'active', breachAt: BREACH }],
    ...overrides,
  }
}

function due(
  tickets: SlaWatchedTicket[],
  now: number,
  warned: SlaWarningRecord[] = [],
  extra: { warningMinutes?: number; userId?: number | null } = {},
) {
  return dueSlaWarnings(tickets, {
    now,
    warningMinutes: extra.warningMinutes ?? 30,
    userId: extra.userId === undefined ? AGENT : extra.userId,
    warned: new Map(warned.map((r) => [slaWarningKey(r.ticketId, r.metric, r.assigneeId), r])),
  })
}

function record(overrides: Partial<SlaWarningRecord> = {}): SlaWarningRecord {
  return {
    ticketId: 100,
    metric: 'first_reply_time',
    assigneeId: AGENT,
    breachAt: BREACH,
    warnedAt: BREACH - 20 * MIN,
    ...overrides,
  }
}

describe('dueSlaWarnings', () => {
  describe('tier', () => {
    it.each([
      ['platinum', 1],
      ['gold', 1],
      ['silver', 0],
      ['standard', 0],
      [null, 0],
    ] as const)('warns a %s requester’s assignee %i time(s)', (tier, count) => {
      expect(due([ticket({ tier })], BREACH - 10 * MIN)).toHaveLength(count)
    })
  })

  describe('minutes', () => {
    it.each([
      [31, 0],
      [30, 1],
      [15, 1],
      [1, 1],
      [0, 0],
      [-5, 0],
    ])('with %i minutes left and a 30-minute window gives %i warning(s)', (left, count) => {
      expect(due([ticket()], BREACH - left * MIN)).toHaveLength(count)
    })

    it('says how many whole minutes are left, at least one', () => {
      expect(due([ticket()], BREACH - 14.5 * MIN)[0]).toMatchObject({ minutesLeft: 15 })
      expect(due([ticket()], BREACH - 1_000)[0]).toMatchObject({ minutesLeft: 1 })
    })

    it('follows the setting', () => {
      expect(due([ticket()], BREACH - 50 * MIN, [], { warningMinutes: 60 })).toHaveLength(1)
      expect(due([ticket()], BREACH - 50 * MIN, [], { warningMinutes: 45 })).toHaveLength(0)
    })
  })

  describe('once per ticket and target', () => {
    it('does not warn again about a target already warned', () => {
      expect(due([ticket()], BREACH - 5 * MIN, [record()])).toEqual([])
    })

    it('treats a breach moved within the window (pause and resume) as the same target', () => {
      const moved = ticket({
        targets: [{ metric: 'first_reply_time', stage: 'active', breachAt: BREACH + 10 * MIN }],
      })
      expect(due([moved], BREACH, [record()])).toEqual([])
    })

    it('warns about the next target of the same metric', () => {
      const next = BREACH + 4 * 60 * MIN
      const later = ticket({
        targets: [{ metric: 'next_reply_time', stage: 'active', breachAt: next }],
      })
      const warned = [record({ metric: 'next_reply_time' })]
      expect(due([later], next - 10 * MIN, warned)).toHaveLength(1)
    })

    it('warns separately about each metric of a ticket', () => {
      const two = ticket({
        targets: [
          { metric: 'first_reply_time', stage: 'active', breachAt: BREACH },
          { metric: 'requester_wait_time', stage: 'active', breachAt: BREACH + 5 * MIN },
        ],
      })
      expect(due([two], BREACH - 10 * MIN).map((w) => w.metric)).toEqual([
        'first_reply_time',
        'requester_wait_time',
      ])
    })

    it('lists a target reported twice once', () => {
      const target = { metric: 'first_reply_time', stage: 'active', breachAt: BREACH }
      expect(due([ticket({ targets: [target, target] })], BREACH - 5 * MIN)).toHaveLength(1)
    })
  })

  describe('solved and fulfilled', () => {
    it.each(['solved', 'closed', 'deleted', 'SOLVED'])(
      'never warns about a %s ticket',
      (status) => {
        expect(due([ticket({ status })], BREACH - 5 * MIN)).toEqual([])
      },
    )

    it.each(['new', 'open', 'pending', 'hold'])('warns about a %s ticket', (status) => {
      expect(due([ticket({ status })], BREACH - 5 * MIN)).toHaveLength(1)
    })

    it.each(['achieved', 'paused'])('never warns about an %s target', (stage) => {
      const t = ticket({ targets: [{ metric: 'first_reply_time', stage, breachAt: BREACH }] })
      expect(due([t], BREACH - 5 * MIN)).toEqual([])
    })

    it('never warns about a target without a breach instant', () => {
      const t = ticket({
        targets: [{ metric: 'first_reply_time', stage: 'active', breachAt: null }],
      })
      expect(due([t], BREACH - 5 * MIN)).toEqual([])
    })
  })

  describe('reassigned', () => {
    it('warns the new assignee after the old one was warned', () => {
      const reassigned = ticket({ assigneeId: 8 })
      expect(due([reassigned], BREACH - 5 * MIN, [record()], { userId: 8 })).toEqual([
        expect.objectContaining({ ticketId: 100, assigneeId: 8 }),
      ])
    })

    it('does not warn the old assignee about a ticket no longer theirs', () => {
      expect(due([ticket({ assigneeId: 8 })], BREACH - 5 * MIN)).toEqual([])
    })

    it('does not warn the first assignee twice when the ticket comes back', () => {
      expect(due([ticket()], BREACH - 3 * MIN, [record(), record({ assigneeId: 8 })])).toEqual([])
    })

    it('warns nobody about an unassigned ticket', () => {
      expect(due([ticket({ assigneeId: null })], BREACH - 5 * MIN, [], { userId: null })).toEqual(
        [],
      )
    })

    it('warns every assignee when no user is given', () => {
      const two = [ticket(), ticket({ id: 101, assigneeId: 8 })]
      expect(due(two, BREACH - 5 * MIN, [], { userId: null })).toHaveLength(2)
    })
  })

  describe('clock changes', () => {
    it('gives no late warning when the clock jumps past the breach', () => {
      expect(due([ticket()], BREACH - 60 * MIN)).toEqual([])
      expect(due([ticket()], BREACH + 60 * MIN)).toEqual([])
    })

    it('warns once when the clock jumps into the window, not again after a further jump', () => {
      const first = due([ticket()], BREACH - 60 * MIN + 45 * MIN)
      expect(first).toHaveLength(1)
      const warned = [record({ warnedAt: BREACH - 15 * MIN })]
      expect(due([ticket()], BREACH - 2 * MIN, warned)).toEqual([])
    })
  })

  describe('edge cases', () => {
    it('gives nothing for no tickets, a NaN clock or a window that is not positive', () => {
      expect(due([], BREACH - 5 * MIN)).toEqual([])
      expect(due([ticket()], NaN)).toEqual([])
      expect(due([ticket()], BREACH - 5 * MIN, [], { warningMinutes: 0 })).toEqual([])
      expect(due([ticket()], BREACH - 5 * MIN, [], { warningMinutes: NaN })).toEqual([])
    })

    it('ignores a NaN breach instant', () => {
      const t = ticket({
        targets: [{ metric: 'first_reply_time', stage: 'active', breachAt: NaN }],
      })
      expect(due([t], BREACH - 5 * MIN)).toEqual([])
    })

    it('orders warnings by breach, soonest first', () => {
      const a = ticket({ id: 1, targets: [{ metric: 'm', stage: 'active', breachAt: BREACH }] })
      const b = ticket({
        id: 2,
        targets: [{ metric: 'm', stage: 'active', breachAt: BREACH - 10 * MIN }],
      })
      expect(due([a, b], BREACH - 15 * MIN).map((w) => w.ticketId)).toEqual([2, 1])
    })
  })
})
