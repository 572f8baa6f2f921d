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
