import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming'
import { QueryClientProvider } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'

import { I18nProvider, useI18n } from '@/i18n/I18nProvider'
import type { Language } from '@/i18n/language'
import { createQueryClient } from '@/zendesk/hooks/queryClient'
import { useCurrentUser } from '@/zendesk/hooks/useCurrentUser'
import { ClientProvider } from '@/zendesk/zaf/ClientProvider'
import type { InitResult } from '@/zendesk/zaf/sdk'

import { ErrorBoundary } from './ErrorBoundary'
import { Notice } from './Notice'
import { Unavailable } from './Unavailable'

function CrashNotice({ error }: { error: Error }) {
  const { t } = useI18n()
  return (
    <Notice type="error" title={t('common.error.title')}>
      {t('common.error.body', { message: error.message })}
    </Notice>
  )
}

/** The signed-in agent's language (`currentUser.locale`); English until known, or if unknown. */
function ClientLocale({ children }: { children: ReactNode }) {
  const user = useCurrentUser()
  useEffect(() => {
    if (user.error !== null) console.warn('Retention Radar: could not read currentUser', user.error)
  }, [user.error])
  return <I18nProvider locale={user.data?.locale ?? undefined}>{children}</I18nProvider>
}

/**
 * The app in the agent's language, with a crash notice in it. A language loaded before the first
 * render is used as it is; otherwise it comes from the signed-in agent.
 */
function Localized({ children, language }: { children: ReactNode; language: Language | null }) {
  const body = (
    <ErrorBoundary fallback={(error) => <CrashNotice error={error} />}>{children}</ErrorBoundary>
  )
  return language === null ? (
    <ClientLocale>{body}</ClientLocale>
  ) : (
    <I18nProvider locale={language.locale} language={language}>
      {body}
    </I18nProvider>
  )
}

export type AppShellProps = {
  children: ReactNode
  /** Injected in tests; defaults to the ZAF SDK global. */
  init?: () => InitResult
  /** A query cache filled before the first render (the sidebar's ticket); a new one by default. */
  queryClient?: QueryClient
  /** The agent's language, loaded before the first render (the sidebar's start). */
  language?: Language | null
}

/**
 * What every visible location renders inside: Garden's theme, the registered ZAF client and the
 * agent's language. Outside Zendesk it explains how to open the app, in the browser's language.
 */
export function AppShell({ children, init, queryClient: given, language }: AppShellProps) {
  // One query cache per location instance (created once, kept across renders).
  const [queryClient] = useState(() => given ?? createQueryClient())
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={DEFAULT_THEME}>
        <ClientProvider
          {...(init ? { init } : {})}
          renderUnavailable={(reason) => (
            <I18nProvider locale={navigator.language}>
              <Unavailable reason={reason} />
            </I18nProvider>
          )}
        >
          <Localized language={language ?? null}>{children}</Localized>
        </ClientProvider>
      </ThemeProvider>
    </QueryClientProvider>
  )
}
