import { callSchema, issuePath, requestSchema, responseSchema } from '@/zendesk/report/protocol'

const range = { from: '2026-10-01', to: '2026-10-31' }

/** `path: message` of the first issue, as the background's bad-request answer says it. */
function firstIssue(call: unknown): string {
  const parsed = callSchema.safeParse(call)
  if (parsed.success) return 'ok'
  const issue = parsed.error.issues[0]!
  return `${issuePath(issue.path)}: ${issue.message}`
}

describe('report protocol schemas', () => {
  it('accept each call and keep what it carries', () => {
    const drill = {
      method: 'drillDown',
      figure: { range, period: 'previous', select: { kind: 'weekdayHour', weekday: 6, hour: 23 } },
      limit: 10_000,
    }
    expect(callSchema.parse(drill)).toEqual(drill)
    expect(callSchema.parse({ method: 'names', users: [0, 5] })).toEqual({
      method: 'names',
      users: [0, 5],
    })
    expect(callSchema.parse({ method: 'report', range, segments: 'tier' }).method).toBe('report')
  })

  it.each([
    [
      { method: 'retention', range: { ...range, from: 'yesterday' } },
      'range.from: expected an ISO date (YYYY-MM-DD…)',
    ],
    [
      {
        method: 'drillDown',
        figure: { range, select: { kind: 'weekdayHour', weekday: 7, hour: 0 } },
      },
      'figure.select.weekday: Too big: expected number to be <=6',
    ],
    [
      {
        method: 'drillDown',
        figure: { range, select: { kind: 'resolutionBucket', fromMinutes: -1, toMinutes: null } },
      },
      'figure.select.fromMinutes: Too small: expected number to be >=0',
    ],
    [
      {
        method: 'drillDown',
        figure: { range, select: { kind: 'kpi', kpi: 'created' } },
        limit: 1.5,
      },
      'limit: Invalid input: expected int, received number',
    ],
    [{ method: 'names', groups: [1, -2] }, 'groups[1]: Too small: expected number to be >=0'],
    [
      { method: 'names', users: Array(10_001).fill(1) },
      'users: Too big: expected array to have <=10000 items',
    ],
    [
      { method: 'report', range: { ...range, timeZone: '' } },
      'range.timeZone: Too small: expected string to have >=1 characters',
    ],
    [
      { method: 'everything' },
      "method: Invalid discriminator value. Expected 'report' | 'retention' | 'drillDown' | 'status' | 'names'",
    ],
  ])('refuse %p saying %s', (call, message) => {
    expect(firstIssue(call)).toBe(message)
  })

  it('check the envelope of requests and answers', () => {
    const envelope = { app: 'retention-radar', v: 1, id: 'r-1', from: 'g-1' }
    expect(requestSchema.safeParse({ ...envelope, call: null }).success).toBe(true)
    expect(requestSchema.safeParse({ ...envelope, id: '' }).success).toBe(false)
    const error = { code: 'bad-request', message: 'x'.repeat(2001) }
    expect(responseSchema.safeParse({ ...envelope, ok: false, error }).success).toBe(false)
    expect(responseSchema.safeParse({ ...envelope, ok: true, result: [1] }).success).toBe(true)
  })
})
