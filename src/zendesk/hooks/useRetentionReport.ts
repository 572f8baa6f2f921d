import { keepPreviousData, useQuery } from '@tanstack/react-query'

import type { ReportRange } from '@/core'

import { queryKeys } from './queryKeys'
import { useReportSource } from './useReportSource'

/** The value model's retention analytics as of the end of `range`, from the report source. */
export function useRetentionReport(range: ReportRange | null, enabled = true) {
  const source = useReportSource()
  return useQuery({
    queryKey: queryKeys.retentionReport.one(range?.from ?? '', range?.to ?? ''),
    queryFn: () => source.retention(range as ReportRange),
    enabled: enabled && range !== null,
    placeholderData: keepPreviousData,
  })
}
