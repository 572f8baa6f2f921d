/**
 * Whether a signed-in user may see team KPIs: admins always, otherwise when their role (Zendesk's
 * `admin` / `agent`, or a custom role name) is in the admin's "Roles that see team KPIs" list.
 * Case and surrounding spaces are ignored.
 *
 * @example
 * canSeeTeamKpis({ role: 'agent', customRoleName: 'Team lead' }, ['admin', 'Team lead']) //=> true
 */
export function canSeeTeamKpis(
  user: { role: string; customRoleName?: string | null },
  allowedRoles: readonly string[],
): boolean {
  const norm = (s: string) => s.trim().toLowerCase()
  if (norm(user.role) === 'admin') return true
  const allowed = new Set(allowedRoles.map(norm))
  const names = [user.role, user.customRoleName ?? ''].map(norm).filter((s) => s !== '')
  return names.some((name) => allowed.has(name))
}
