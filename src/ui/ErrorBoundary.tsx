import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'

export type ErrorBoundaryProps = {
  children: ReactNode
  /** What to show instead of the crashed tree; gets the error. */
  fallback: (error: Error) => ReactNode
}

type State = { error: Error | null }

/**
 * Catches a render error anywhere below so a location shows what went wrong instead of an empty
 * frame (React unmounts the whole tree on an uncaught render error).
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Retention Radar: a view crashed', error, info.componentStack)
  }

  override render(): ReactNode {
    return this.state.error === null ? this.props.children : this.props.fallback(this.state.error)
  }
}
