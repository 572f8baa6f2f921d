import '@/ui/base.css'

import { createRoot } from 'react-dom/client'

import { AppShell } from '@/ui/AppShell'
import { initZafClient } from '@/zendesk/zaf/sdk'

import { startSidebar } from './startSidebar'
import { TicketSidebar } from './TicketSidebar'

const element = document.getElementById('root')
if (element === null) throw new Error('ticket_sidebar.html has no #root element')
const root = createRoot(element)
// React mounts once Zendesk has registered the app and answered with the ticket (see startSidebar).
startSidebar(initZafClient(), ({ init, queryClient }) => {
  root.render(
    <AppShell init={() => init} queryClient={queryClient}>
      <TicketSidebar />
    </AppShell>,
  )
})
