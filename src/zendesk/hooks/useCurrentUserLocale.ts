import { useEffect, useState } from 'react'

import type { ZafClient } from '../zaf/types'

/**
 * The signed-in agent's locale (`currentUser.locale`), or undefined until known or if Zendesk
 * does not answer, in which case the app stays in English.
 */
export function useCurrentUserLocale(client: ZafClient): string | undefined {
  const [locale, setLocale] = useState<string | undefined>(undefined)
  useEffect(() => {
    let current = true
    client.get('currentUser.locale').then(
      (result) => {
        const value = result['currentUser.locale']
        if (current && typeof value === 'string') setLocale(value)
      },
      (err: unknown) => console.warn('Retention Radar: could not read currentUser.locale', err),
    )
    return () => {
      current = false
    }
  }, [client])
  return locale
}
