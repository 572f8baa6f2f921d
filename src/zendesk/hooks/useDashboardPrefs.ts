import { useCallback, useState } from 'react'
import { z } from '../schemas/z'

// The dashboard's view per user (range and active tab), kept in the browser's localStorage under
// the user's id, so reopening the nav bar shows the same view. Bad or old entries read as defaults.

export const DASHBOARD_TABS = ['overview', 'tiers', 'team', 'retention'] as const
export type DashboardTab = (typeof DASHBOARD_TABS)[number]

const DAY = /^\d{4}-\d{2}-\d{2}$/

const prefsSchema = z.object({
  v: z.literal(1),
  range: z.union([
    z.object({ preset: z.enum(['7', '30', '90']) }),
    z.object({
      custom: z.object({
        from: z.string().check(z.regex(DAY)),
        to: z.string().check(z.regex(DAY)),
      }),
    }),
  ]),
  tab: z.enum(DASHBOARD_TABS),
})

export type DashboardPrefs = z.infer<typeof prefsSchema>

export const DEFAULT_PREFS: DashboardPrefs = { v: 1, range: { preset: '30' }, tab: 'overview' }

/** localStorage key of a user's dashboard view. */
export function prefsKey(userId: number): string {
  return `retention-radar:dashboard:${userId}`
}

/** A user's saved view, or the defaults when none is saved, storage is blocked or it is malformed. */
export function readDashboardPrefs(userId: number, storage: Storage | null): DashboardPrefs {
  try {
    const raw = storage?.getItem(prefsKey(userId))
    if (raw === null || raw === undefined) return DEFAULT_PREFS
    const parsed = prefsSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : DEFAULT_PREFS
  } catch {
    return DEFAULT_PREFS
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    // Sandboxed iframes with storage blocked throw on access: the view is then not remembered.
    return null
  }
}

/**
 * The signed-in user's dashboard view and a setter that saves it. Saving never throws: when the
 * browser refuses storage the view still changes, it is just not remembered.
 */
export function useDashboardPrefs(
  userId: number,
  storage: Storage | null = browserStorage(),
): [DashboardPrefs, (next: DashboardPrefs) => void] {
  const [prefs, setPrefs] = useState(() => readDashboardPrefs(userId, storage))
  const save = useCallback(
    (next: DashboardPrefs) => {
      setPrefs(next)
      try {
        storage?.setItem(prefsKey(userId), JSON.stringify(next))
      } catch (err) {
        console.warn('Retention Radar: could not remember the dashboard view', err)
      }
    },
    [storage, userId],
  )
  return [prefs, save]
}
