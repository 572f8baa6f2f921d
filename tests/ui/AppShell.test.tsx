import { render, screen } from '@testing-library/react'

import { AppShell } from '@/ui/AppShell'

import { renderInZendesk } from '../support/render'

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

describe('AppShell inside Zendesk', () => {
  it('shows a crashed view as an error, never a blank frame', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    function Broken(): never {
      throw new Error('ticket.requester is not available here')
    }
    await renderInZendesk(<Broken />)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'ticket.requester is not available here',
    )
  })
})
