import { useCallback, useEffect, useState } from 'react'

export type AsyncValue<T> =
  { status: 'loading' } | { status: 'error'; error: Error } | { status: 'success'; data: T }

/**
 * Runs `load` on mount and whenever `reload()` is called, keeping the result as state so views
 * never see a thrown error. A stale answer (an older call finishing last) is dropped.
 */
export function useAsyncValue<T>(load: () => Promise<T>): AsyncValue<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncValue<T>>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])

  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
    load().then(
      (data) => {
        if (current) setState({ status: 'success', data })
      },
      (err: unknown) => {
        if (current)
          setState({ status: 'error', error: err instanceof Error ? err : new Error(String(err)) })
      },
    )
    return () => {
      current = false
    }
  }, [load, generation])

  return { ...state, reload }
}
