import '@/ui/base.css'

import { createRoot } from 'react-dom/client'

import { AppShell } from '@/ui/AppShell'
import { prefetchSidebar } from '@/zendesk/hooks/sidebarPrefetch'
import { initZafClient } from '@/zendesk/zaf/sdk'
import type { InitResult } from '@/zendesk/zaf/sdk'

import { TicketSidebar } from './TicketSidebar'

// The client starts where it always did (the client provider's first render, so its listener is in
// place before Zendesk answers); the history and baseline reads listen too and start at registration.
function init(): InitResult {
  const started = initZafClient()
  if (started.kind === 'client') prefetchSidebar(started.client)
  return started
}

const root = document.getElementById('root')
if (root === null) throw new Error('ticket_sidebar.html has no #root element')
createRoot(root).render(
  <AppShell init={init}>
    <TicketSidebar />
  </AppShell>,
)
