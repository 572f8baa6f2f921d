import { useMemo } from 'react'

import { parseSettings } from '../settings'
import type { AppSettings, SettingProblem } from '../settings'
import { useRegisteredClient } from '../zaf/ClientProvider'

/** The installation settings from `app.registered`, parsed once per registration. */
export function useSettings(): { settings: AppSettings; problems: SettingProblem[] } {
  const { metadata } = useRegisteredClient()
  return useMemo(() => parseSettings(metadata.settings), [metadata])
}
