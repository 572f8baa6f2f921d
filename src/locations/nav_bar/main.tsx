import '@/ui/base.css'

import { createRoot } from 'react-dom/client'

import { AppShell } from '@/ui/AppShell'
import { ReportSourceProvider } from '@/zendesk/hooks/useReportSource'

import { Dashboard } from './Dashboard'

const root = document.getElementById('root')
if (root === null) throw new Error('nav_bar.html has no #root element')
// The report source defaults to the background instance over ZAF instance messaging.
createRoot(root).render(
  <AppShell>
    <ReportSourceProvider>
      <Dashboard />
    </ReportSourceProvider>
  </AppShell>,
)
