import { useCallback, useEffect } from 'react'

import { useClient } from '../zaf/ClientProvider'
import type { ZafClient } from '../zaf/types'

import { useAsyncValue } from './useAsyncValue'
import type { AsyncValue } from './useAsyncValue'

export type TicketRequester = { id: number; name: string; email: string | null }

/** Reads `ticket.requester` through the ZAF client; null while the ticket has none yet. */
export async function fetchTicketRequester(client: ZafClient): Promise<TicketRequester | null> {
  const result = await client.get('ticket.requester')
  const raw = result['ticket.requester'] as
    { id?: unknown; name?: unknown; email?: unknown } | null | undefined
  if (raw === null || raw === undefined || typeof raw.id !== 'number') return null
  return {
    id: raw.id,
    name: typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : `#${raw.id}`,
    email: typeof raw.email === 'string' ? raw.email : null,
  }
}

/** The open ticket's requester, refetched when an agent changes the requester. */
export function useTicketRequester(): AsyncValue<TicketRequester | null> & { reload: () => void } {
  const client = useClient()
  const load = useCallback(() => fetchTicketRequester(client), [client])
  const value = useAsyncValue(load)
  const { reload } = value
  useEffect(() => {
    client.on('ticket.requester.id.changed', reload)
    return () => client.off('ticket.requester.id.changed', reload)
  }, [client, reload])
  return value
}
