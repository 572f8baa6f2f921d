import { Alert } from '@zendeskgarden/react-notifications'
import type { ReactNode } from 'react'

export type NoticeProps = {
  type: 'info' | 'warning' | 'error'
  title: string
  children?: ReactNode
}

/** A titled message for states a location shows instead of its content (no data, no access, errors). */
export function Notice({ type, title, children }: NoticeProps) {
  return (
    <Alert type={type} role={type === 'error' ? 'alert' : 'status'}>
      <Alert.Title>{title}</Alert.Title>
      {children !== undefined && <Alert.Paragraph>{children}</Alert.Paragraph>}
    </Alert>
  )
}
