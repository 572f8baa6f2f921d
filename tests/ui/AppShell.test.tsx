import { render, screen } from '@testing-library/react'

import { AppShell } from '@/ui/AppShell'

describe('AppShell', () => {
  it('explains how to open the app when it runs outside Zendesk', () => {
    render(
      <AppShell init={() => ({ kind: 'outside-zendesk' })}>
        <p>app</p>
      </AppShell>,
    )
    expect(screen.getByText('Open Retention Radar inside Zendesk')).toBeInTheDocument()
    expect(screen.getByText(/run npm start/)).toBeInTheDocument()
  })

  it('reports a ZAF SDK that did not load', () => {
    render(
      <AppShell init={() => ({ kind: 'sdk-missing' })}>
        <p>app</p>
      </AppShell>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('The Zendesk Apps framework did not load')
  })
})
