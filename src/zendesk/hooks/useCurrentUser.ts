import { useQuery } from '@tanstack/react-query'

import { useClient } from '../zaf/ClientProvider'
import { fetchCurrentUser } from './currentUser'
import { queryKeys } from './queryKeys'

export { fetchCurrentUser } from './currentUser'

/**
 * The signed-in agent as query state (`status` pending / error / success). Asked once per
 * location: the user does not change while the app is open.
 */
export function useCurrentUser() {
  const client = useClient()
  return useQuery({
    queryKey: queryKeys.currentUser.all,
    queryFn: () => fetchCurrentUser(client),
    staleTime: Infinity,
  })
}
