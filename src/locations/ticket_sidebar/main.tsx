import '@/ui/base.css'

import { createRoot } from 'react-dom/client'

import { AppShell } from '@/ui/AppShell'
import { installGlanceStyles } from '@/ui/sidebar/glanceStyles'
import { warmSidebarText } from '@/ui/sidebar/text'
import { DEFAULT_SETTINGS } from '@/zendesk/settings'
import { initZafClient } from '@/zendesk/zaf/sdk'

import { startSidebar } from './startSidebar'
import { TicketSidebar } from './TicketSidebar'

// The glance's style sheet, parsed while the page waits for Zendesk, not in the first render.
installGlanceStyles()
const element = document.getElementById('root')
if (element === null) throw new Error('ticket_sidebar.html has no #root element')
const root = createRoot(element)
// React mounts once Zendesk has registered the app and answered with the ticket and the agent,
// in the agent's language (see startSidebar).
startSidebar(initZafClient(), ({ init, queryClient, language }) => {
  root.render(
    <AppShell init={() => init} queryClient={queryClient} language={language}>
      <TicketSidebar />
    </AppShell>,
  )
})
// With the handshake sent, while Zendesk answers: the text's formatters in the browser's language
// and the settings' default currency (most agents work in their browser's language).
warmSidebarText(navigator.language, DEFAULT_SETTINGS.valueCurrency)
