// The benchmark's baseline: an empty Garden sidebar. Garden's theme and one Garden component,
// rendered after the same ZAF registration as the app (the app's ClientProvider), with no data.
// Built by bench/sidebar/stageEmptySidebar.ts for the benchmark only; never part of the app package.
import '@/ui/base.css'

import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming'
import { MD } from '@zendeskgarden/react-typography'
import { createRoot } from 'react-dom/client'

import { ClientProvider } from '@/zendesk/zaf/ClientProvider'

const root = document.getElementById('root')
if (root === null) throw new Error('emptySidebar.html has no #root element')
createRoot(root).render(
  <ThemeProvider theme={DEFAULT_THEME}>
    <ClientProvider renderUnavailable={(reason) => <MD>Not in Zendesk ({reason})</MD>}>
      <MD data-testid="empty-sidebar">Retention Radar</MD>
    </ClientProvider>
  </ThemeProvider>,
)
