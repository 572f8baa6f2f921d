import { createContext, useContext, useEffect, useState } from 'react'
import type { ReactNode } from 'react'

import { createReportSourceClient } from '../report/instanceClient'
import type { ReportSource } from '../report/types'
import { useClient } from '../zaf/ClientProvider'

const ReportSourceContext = createContext<ReportSource | undefined>(undefined)

export type ReportSourceProviderProps = {
  children: ReactNode
  /** The source to read reports from. Default: the background instance over ZAF messaging. */
  source?: ReportSource
}

function BackgroundReportSource({ children }: { children: ReactNode }) {
  const zaf = useClient()
  const [source] = useState(() => createReportSourceClient(zaf))
  useEffect(() => () => source.close(), [source])
  return <ReportSourceContext.Provider value={source}>{children}</ReportSourceContext.Provider>
}

/**
 * Gives the views below one ReportSource: the one passed in (tests, a future server), else a
 * client of the background instance, created once and closed on unmount. The background
 * default needs a ClientProvider above.
 */
export function ReportSourceProvider({ children, source }: ReportSourceProviderProps) {
  if (source === undefined) return <BackgroundReportSource>{children}</BackgroundReportSource>
  return <ReportSourceContext.Provider value={source}>{children}</ReportSourceContext.Provider>
}

/** The ReportSource of the nearest provider. Throws outside a ReportSourceProvider. */
export function useReportSource(): ReportSource {
  const source = useContext(ReportSourceContext)
  if (source === undefined) {
    throw new Error('useReportSource() must be used within a ReportSourceProvider')
  }
  return source
}
