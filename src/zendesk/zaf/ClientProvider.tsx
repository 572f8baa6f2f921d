import { createContext, useContext, useEffect, useState } from 'react'
import type { ReactNode } from 'react'

import { parseRegistration } from './registered'
import type { Registration } from './registered'
import { initZafClient } from './sdk'
import type { InitResult } from './sdk'
import type { ZafClient } from './types'

export type RegisteredClient = Registration & { client: ZafClient }

export type ClientUnavailable = 'outside-zendesk' | 'sdk-missing'

const ClientContext = createContext<RegisteredClient | undefined>(undefined)

export type ClientProviderProps = {
  children: ReactNode
  /** Shown instead of the app when there is no Zendesk around the page. */
  renderUnavailable: (reason: ClientUnavailable) => ReactNode
  /** Shown until Zendesk answers the handshake with `app.registered`. */
  renderRegistering?: () => ReactNode
  /** Injected in tests; defaults to the SDK global. */
  init?: () => InitResult
}

type State =
  | { status: 'registering' }
  | { status: 'unavailable'; reason: ClientUnavailable }
  | { status: 'ready'; registered: RegisteredClient }

/**
 * Starts the ZAF client once and renders its children only after `app.registered`, when the
 * context and the installation settings are known. Outside Zendesk (`init()` returned false) or
 * without the SDK script it renders `renderUnavailable` instead of a blank frame.
 */
export function ClientProvider({
  children,
  renderUnavailable,
  renderRegistering = () => null,
  init = initZafClient,
}: ClientProviderProps) {
  const [started] = useState(init)
  const [state, setState] = useState<State>(() => {
    if (started.kind !== 'client') return { status: 'unavailable', reason: started.kind }
    // Registered before React mounted (the caller checked the registration): ready at once.
    const early = started.registration
    if (early === undefined) return { status: 'registering' }
    return { status: 'ready', registered: { client: started.client, ...early } }
  })

  useEffect(() => {
    if (started.kind !== 'client') return undefined
    const { client } = started
    const onRegistered = (data?: unknown) => {
      const registration = parseRegistration(data)
      if ('problem' in registration) {
        // Not a registration the app can run on: keep waiting for a proper one.
        console.warn(`Retention Radar: ${registration.problem}`)
        return
      }
      setState({ status: 'ready', registered: { client, ...registration } })
    }
    client.on('app.registered', onRegistered)
    return () => client.off('app.registered', onRegistered)
  }, [started])

  switch (state.status) {
    case 'registering':
      return <>{renderRegistering()}</>
    case 'unavailable':
      return <>{renderUnavailable(state.reason)}</>
    case 'ready':
      return <ClientContext.Provider value={state.registered}>{children}</ClientContext.Provider>
    default: {
      const exhaustive: never = state
      return exhaustive
    }
  }
}

/** The registered client with its context and metadata. Throws outside a ClientProvider. */
export function useRegisteredClient(): RegisteredClient {
  const value = useContext(ClientContext)
  if (value === undefined) {
    throw new Error('useClient() must be used within a ClientProvider')
  }
  return value
}

/** The ZAF client. Throws `useClient() must be used within a ClientProvider` outside one. */
export function useClient(): ZafClient {
  return useRegisteredClient().client
}
