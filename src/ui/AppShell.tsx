import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming'
import { QueryClientProvider } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useState } from 'react'

import { I18nProvider, useI18n } from '@/i18n/I18nProvider'
import { createQueryClient } from '@/zendesk/hooks/queryClient'
import { useCurrentUserLocale } from '@/zendesk/hooks/useCurrentUserLocale'
import { ClientProvider, useClient } from '@/zendesk/zaf/ClientProvider'
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

function ClientLocale({ children }: { children: ReactNode }) {
  const locale = useCurrentUserLocale(useClient())
  return (
    <I18nProvider locale={locale}>
      <ErrorBoundary fallback={(error) => <CrashNotice error={error} />}>{children}</ErrorBoundary>
    </I18nProvider>
  )
}

export type AppShellProps = {
  children: ReactNode
  /** Injected in tests; defaults to the ZAF SDK global. */
  init?: () => InitResult
  /** A query cache filled before the first render (the sidebar's ticket); a new one by default. */
  queryClient?: QueryClient
}

/**
 * What every visible location renders inside: Garden's theme, the registered ZAF client and the
 * agent's language. Outside Zendesk it explains how to open the app, in the browser's language.
 */
export function AppShell({ children, init, queryClient: given }: AppShellProps) {
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
          <ClientLocale>{children}</ClientLocale>
        </ClientProvider>
      </ThemeProvider>
    </QueryClientProvider>
  )
}
