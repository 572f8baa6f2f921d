import '@/ui/base.css'

import { createRoot } from 'react-dom/client'

import { AppShell } from '@/ui/AppShell'

import { Dashboard } from './Dashboard'

const root = document.getElementById('root')
if (root === null) throw new Error('nav_bar.html has no #root element')
createRoot(root).render(
  <AppShell>
    <Dashboard />
  </AppShell>,
)
