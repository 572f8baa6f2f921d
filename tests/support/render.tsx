import { act, render } from '@testing-library/react'
import type { ReactElement } from 'react'

import { AppShell } from '@/ui/AppShell'

import { createFakeZafClient } from './fakeZafClient'
import type { FakeZafClient, FakeZafClientOptions } from './fakeZafClient'

/** The signed-in agent when a test names none. */
const DEFAULT_AGENT = { id: 1, name: 'Test Agent', role: 'agent', locale: 'en-US' }

/**
 * Renders a location component the way Zendesk runs it: inside the AppShell (Garden theme, ZAF
 * client, the agent's language) with a fake client that has already sent `app.registered`.
 */
export async function renderInZendesk(ui: ReactElement, options: FakeZafClientOptions = {}) {
  // Zendesk always answers `currentUser` (the AppShell reads the agent's locale from it); a test
  // gives its own, or null for a Zendesk that does not answer.
  const values = { currentUser: DEFAULT_AGENT, ...options.values }
  const client: FakeZafClient = createFakeZafClient({ ...options, values })
  const result = render(<AppShell init={() => ({ kind: 'client', client })}>{ui}</AppShell>)
  await act(async () => {
    client.register()
    await Promise.resolve()
  })
  return { ...result, client }
}
