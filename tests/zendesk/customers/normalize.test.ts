import {
  normalizeFields,
  normalizePriority,
  normalizeTags,
  slaClockEvents,
} from '@/zendesk/customers'
import type { CustomerReasonCounts } from '@/zendesk/customers'

describe('normalizeTags', () => {
  it('lower-cases arrays and splits strings', () => {
    const r: CustomerReasonCounts = {}
    expect(normalizeTags(['VIP_Gold', 'x'], r)).toEqual(['vip_gold', 'x'])
    expect(normalizeTags('a  b', r)).toEqual(['a', 'b'])
    expect(normalizeTags(undefined, r)).toEqual([])
    expect(r).toEqual({})
    expect(normalizeTags(42, r)).toEqual([])
    expect(r.invalidTags).toBe(1)
  })
})

describe('normalizeFields', () => {
  it('keeps scalar values only', () => {
    const r: CustomerReasonCounts = {}
    expect(normalizeFields({ a: 1, b: 'x', c: null, d: true, e: [1] }, r)).toEqual({
      a: 1,
      b: 'x',
      c: null,
      d: true,
    })
    expect(r.invalidFields).toBe(1)
    expect(normalizeFields('x', r)).toEqual({})
    expect(r.invalidFields).toBe(2)
  })
})

describe('normalizePriority', () => {
  it.each([
    ['urgent', 'urgent'],
    ['HIGH', 'high'],
    [null, null],
    ['', null],
  ] as const)('reads %p as %p', (raw, out) => {
    expect(normalizePriority(raw, {})).toBe(out)
  })

  it('counts unknown priorities', () => {
    const r: CustomerReasonCounts = {}
    expect(normalizePriority(3, r)).toBeNull()
    expect(r.unknownPriority).toBe(1)
  })
})

describe('slaClockEvents', () => {
  const raw = (extra: Record<string, unknown>) => ({
    id: 1,
    ticket_id: 5,
    metric: 'reply_time',
    instance_id: 1,
    type: 'apply_sla',
    time: '2024-03-04T09:00:00Z',
    ...extra,
  })

  it('keeps the apply_sla target and groups events by ticket', () => {
    const page = {
      ticket_metric_events: [
        raw({ sla: { target: 60, business_hours: false } }),
        raw({ type: 'activate' }),
        raw({ ticket_id: 6, metric: 'requester_wait_time', type: 'breach', deleted: true }),
      ],
    }
    const m = slaClockEvents(page, {})
    expect(m.get(5)).toEqual([
      {
        metric: 'first_reply_time',
        instanceId: 1,
        type: 'apply_sla',
        time: Date.parse('2024-03-04T09:00:00Z'),
        deleted: false,
        targetMinutes: 60,
      },
      {
        metric: 'first_reply_time',
        instanceId: 1,
        type: 'activate',
        time: Date.parse('2024-03-04T09:00:00Z'),
        deleted: false,
        targetMinutes: null,
      },
    ])
    expect(m.get(6)?.[0]).toMatchObject({ metric: 'requester_wait_time', deleted: true })
    expect([...slaClockEvents(page, {}, new Set([6])).keys()]).toEqual([6])
  })

  it('drops invalid events and bad targets, never throws', () => {
    const reasons = {}
    const m = slaClockEvents(
      { ticket_metric_events: [raw({ metric: 'nope' }), raw({ sla: { target: -5 } }), 7] },
      reasons,
    )
    expect(m.get(5)?.map((e) => e.targetMinutes)).toEqual([null])
    expect(reasons).toEqual({ invalidSlaEvent: 2 })
    expect(slaClockEvents('x', {}).size).toBe(0)
  })
})
