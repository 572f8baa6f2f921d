import { parseChangeNotice } from '@/zendesk/notices/schema'

const base = { app: 'retention-radar', v: 1, at: 1_700_000_000_000 }

describe('parseChangeNotice', () => {
  it('reads every kind of notice, keeping the sender', () => {
    const tickets = { ...base, kind: 'tickets', ticketIds: [1, 2], requesterIds: [], from: 'g-1' }
    expect(parseChangeNotice(tickets)).toEqual(tickets)
    expect(parseChangeNotice({ ...base, kind: 'slaEvents', ticketIds: [3] })).toEqual({
      ...base,
      kind: 'slaEvents',
      ticketIds: [3],
    })
    for (const kind of ['people', 'baseline', 'syncStatus'])
      expect(parseChangeNotice({ ...base, kind })).toEqual({ ...base, kind })
  })

  it.each([
    ['a time that is not a finite number', { ...base, at: Infinity, kind: 'people' }],
    ['a NaN time', { ...base, at: NaN, kind: 'people' }],
    ['an empty sender', { ...base, from: '', kind: 'people' }],
    ['a sender over 200 characters', { ...base, from: 'g'.repeat(201), kind: 'people' }],
    ['a negative id', { ...base, kind: 'slaEvents', ticketIds: [-1] }],
    ['a fractional id', { ...base, kind: 'slaEvents', ticketIds: [1.5] }],
    ['an id as text', { ...base, kind: 'slaEvents', ticketIds: ['1'] }],
    ['more than 100,000 ids', { ...base, kind: 'slaEvents', ticketIds: Array(100_001).fill(1) }],
    ['a tickets notice without requesters', { ...base, kind: 'tickets', ticketIds: [1] }],
    ['an unknown kind', { ...base, kind: 'everything' }],
    ['another version', { ...base, v: 2, kind: 'people' }],
    ['a string', 'retention-radar'],
  ])('drops %s', (_what, data) => {
    expect(parseChangeNotice(data)).toBeNull()
  })

  it('takes the largest accepted id list', () => {
    const ids = Array<number>(100_000).fill(0)
    expect(parseChangeNotice({ ...base, kind: 'slaEvents', ticketIds: ids })?.kind).toBe(
      'slaEvents',
    )
  })
})
