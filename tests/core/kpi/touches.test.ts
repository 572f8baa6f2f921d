import { isOneTouch } from '@/core/kpi/oneTouch'
import { isReassigned } from '@/core/kpi/reassigned'
import { isReopened } from '@/core/kpi/reopened'
import { isSolvedStatus } from '@/core/kpi/solved'

describe('isOneTouch', () => {
  it.each([
    [0, true],
    [1, true],
    [2, false],
    [null, false],
    [-1, false],
  ])('classifies %p agent replies as one-touch: %p', (replies, expected) => {
    expect(isOneTouch(replies)).toBe(expected)
  })
})

describe('isReopened', () => {
  it.each([
    [0, false],
    [1, true],
    [null, false],
  ])('classifies %p reopens as reopened: %p', (reopens, expected) => {
    expect(isReopened(reopens)).toBe(expected)
  })
})

describe('isReassigned', () => {
  it.each([
    [1, false],
    [2, true],
    [null, false],
  ])('classifies %p assignee stations as reassigned: %p', (stations, expected) => {
    expect(isReassigned(stations)).toBe(expected)
  })
})

describe('isSolvedStatus', () => {
  it.each([
    ['solved', true],
    ['closed', true],
    ['pending', false],
    ['deleted', false],
  ] as const)('treats %s as solved: %p', (status, expected) => {
    expect(isSolvedStatus(status)).toBe(expected)
  })
})
