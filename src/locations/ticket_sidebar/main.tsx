import '@/ui/base.css'

import { createRoot } from 'react-dom/client'

import { AppShell } from '@/ui/AppShell'

import { TicketSidebar } from './TicketSidebar'

const root = document.getElementById('root')
if (root === null) throw new Error('ticket_sidebar.html has no #root element')
createRoot(root).render(
  <AppShell>
    <TicketSidebar />
  </AppShell>,
)
