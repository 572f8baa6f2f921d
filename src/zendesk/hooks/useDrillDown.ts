import { useQuery } from '@tanstack/react-query'

import type { Figure } from '@/core'

import { queryKeys } from './queryKeys'
import { useReportSource } from './useReportSource'

/** Most tickets a drill-down list (and its CSV) holds; the total says how many there are. */
export const DRILL_LIMIT = 500

/** The tickets behind one figure (null: nothing is being drilled into). */
export function useDrillDown(figure: Figure | null, limit = DRILL_LIMIT) {
  const source = useReportSource()
  return useQuery({
    queryKey: [...queryKeys.drillDown.all, JSON.stringify(figure), limit] as const,
    queryFn: () => source.drillDown(figure as Figure, limit),
    enabled: figure !== null,
  })
}

/**
 * How many tickets are behind each of several figures (the resolution-time distribution is the
 * count of each bucket's drill-down), in the figures' order; null while loading.
 */
export function useFigureTotals(figures: readonly Figure[]) {
  const source = useReportSource()
  return useQuery({
    queryKey: [...queryKeys.drillDown.all, 'totals', JSON.stringify(figures)] as const,
    queryFn: async () => {
      const answers = await Promise.all(figures.map((f) => source.drillDown(f, 0)))
      return answers.map((a) => a.total)
    },
    enabled: figures.length > 0,
  })
}
