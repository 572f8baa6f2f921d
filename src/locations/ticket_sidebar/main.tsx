import '@/ui/base.css'

import { createRoot } from 'react-dom/client'

import { AppShell } from '@/ui/AppShell'
import { prefetchSidebar } from '@/zendesk/hooks/sidebarPrefetch'
import { initZafClient } from '@/zendesk/zaf/sdk'

import { TicketSidebar } from './TicketSidebar'

const root = document.getElementById('root')
if (root === null) throw new Error('ticket_sidebar.html has no #root element')
// The client starts here so the history and baseline reads begin at registration, with the render.
const started = initZafClient()
if (started.kind === 'client') prefetchSidebar(started.client)
createRoot(root).render(
  <AppShell init={() => started}>
    <TicketSidebar />
  </AppShell>,
)
