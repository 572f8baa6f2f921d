import { act, render } from '@testing-library/react'
import type { ReactElement } from 'react'

import { AppShell } from '@/ui/AppShell'

import { createFakeZafClient } from './fakeZafClient'
import type { FakeZafClient, FakeZafClientOptions } from './fakeZafClient'

/**
 * Renders a location component the way Zendesk runs it: inside the AppShell (Garden theme, ZAF
 * client, the agent's language) with a fake client that has already sent `app.registered`.
 */
export async function renderInZendesk(ui: ReactElement, options: FakeZafClientOptions = {}) {
  const client: FakeZafClient = createFakeZafClient(options)
  const result = render(<AppShell init={() => ({ kind: 'client', client })}>{ui}</AppShell>)
  await act(async () => {
    client.register()
    await Promise.resolve()
  })
  return { ...result, client }
}
