import { canSeeTeamKpis } from '@/zendesk/access'

describe('canSeeTeamKpis', () => {
  const allowed = ['admin', 'Team lead']

  it.each([
    [{ role: 'admin' }, [], true],
    [{ role: 'agent' }, allowed, false],
    [{ role: 'agent', customRoleName: 'team LEAD ' }, allowed, true],
    [{ role: 'Team lead' }, allowed, true],
    [{ role: 'agent', customRoleName: null }, ['agent'], true],
    [{ role: 'end-user' }, allowed, false],
  ])('decides %p with %p as %p', (user, roles, expected) => {
    expect(canSeeTeamKpis(user, roles)).toBe(expected)
  })
})
