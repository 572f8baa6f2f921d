import { act, render, renderHook, screen } from '@testing-library/react'

import { ClientProvider, useClient, useRegisteredClient } from '@/zendesk/zaf/ClientProvider'
import * as registered from '@/zendesk/zaf/registered'
import type { Registration } from '@/zendesk/zaf/registered'

import { createFakeZafClient } from '../../support/fakeZafClient'

/** Shows the registration's location and its churnTag setting. */
function Probe() {
  const { context, metadata } = useRegisteredClient()
  return (
    <p>
      {context.location} {String(metadata.settings.churnTag)}
    </p>
  )
}

describe('useClient', () => {
  it('throws if not rendered within a ClientProvider', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => renderHook(() => useClient())).toThrow(
      'useClient() must be used within a ClientProvider',
    )
  })
})

describe('ClientProvider', () => {
  it('renders nothing of the app until app.registered, then the app with its context', async () => {
    const client = createFakeZafClient({ settings: { churnTag: 'leaving' } })
    render(
      <ClientProvider
        init={() => ({ kind: 'client', client })}
        renderUnavailable={() => 'unavailable'}
        renderRegistering={() => 'registering'}
      >
        <Probe />
      </ClientProvider>,
    )
    expect(screen.getByText('registering')).toBeInTheDocument()
    await act(async () => {
      client.register()
      await Promise.resolve()
    })
    expect(screen.getByText('ticket_sidebar leaving')).toBeInTheDocument()
  })

  it('keeps waiting, with a warning naming the problem, when app.registered is malformed', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const client = createFakeZafClient()
    render(
      <ClientProvider
        init={() => ({ kind: 'client', client })}
        renderUnavailable={() => 'unavailable'}
        renderRegistering={() => 'registering'}
      >
        <p>app</p>
      </ClientProvider>,
    )
    await act(async () => {
      client.emit('app.registered', { context: { location: 'nav_bar' }, metadata: {} })
      await Promise.resolve()
    })
    expect(screen.getByText('registering')).toBeInTheDocument()
    expect(warn).toHaveBeenCalledWith(
      'Retention Radar: app.registered: context.instanceGuid is not a string',
    )
    await act(async () => {
      client.register()
      await Promise.resolve()
    })
    expect(screen.getByText('app')).toBeInTheDocument()
  })

  it.each(['outside-zendesk', 'sdk-missing'] as const)('renders the %s state', (reason) => {
    render(
      <ClientProvider init={() => ({ kind: reason })} renderUnavailable={(r) => `no app: ${r}`}>
        <p>app</p>
      </ClientProvider>,
    )
    expect(screen.getByText(`no app: ${reason}`)).toBeInTheDocument()
    expect(screen.queryByText('app')).not.toBeInTheDocument()
  })

  it('starts the client once', () => {
    const init = jest.fn(() => ({ kind: 'client' as const, client: createFakeZafClient() }))
    const { rerender } = render(
      <ClientProvider init={init} renderUnavailable={() => null}>
        <p>app</p>
      </ClientProvider>,
    )
    rerender(
      <ClientProvider init={init} renderUnavailable={() => null}>
        <p>app</p>
      </ClientProvider>,
    )
    expect(init).toHaveBeenCalledTimes(1)
  })

  describe('registered before React mounted', () => {
    const registration: Registration = {
      context: {
        instanceGuid: 'guid-1',
        product: 'support',
        location: 'ticket_sidebar',
        account: { subdomain: 'demo' },
      },
      metadata: {
        appId: 1,
        installationId: 2,
        name: 'Retention Radar',
        settings: { churnTag: 'x' },
      },
    }

    function renderWith(init: Parameters<typeof ClientProvider>[0]['init']) {
      return render(
        <ClientProvider
          init={init}
          renderUnavailable={() => 'unavailable'}
          renderRegistering={() => 'registering'}
        >
          <Probe />
        </ClientProvider>,
      )
    }

    it('renders the app at once from the registration already parsed, without parsing again', () => {
      const parse = jest.spyOn(registered, 'parseRegistration')
      const client = createFakeZafClient()
      renderWith(() => ({ kind: 'client', client, registration }))
      expect(screen.getByText('ticket_sidebar x')).toBeInTheDocument()
      expect(parse).not.toHaveBeenCalled()
      parse.mockRestore()
    })

    it('waits for the registration when none came before the mount', () => {
      const client = createFakeZafClient({ settings: { churnTag: 'x' } })
      renderWith(() => ({ kind: 'client', client }))
      expect(screen.getByText('registering')).toBeInTheDocument()
      act(() => client.register())
      expect(screen.getByText('ticket_sidebar x')).toBeInTheDocument()
    })
  })
})
