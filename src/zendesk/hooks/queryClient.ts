import { QueryClient } from '@tanstack/react-query'

/**
 * The app's query cache. Data hooks report loading, errors and staleness as state; nothing is
 * refetched on window focus (the store's change notices say when data changed).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 60_000 },
    },
  })
}
