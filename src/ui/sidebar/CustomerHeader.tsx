import type { TicketPerson } from '@/zendesk/hooks/useTicketState'

import { LargeStrong, SmallText } from './Text'
/** The requester's name and email (plain text: React escapes whatever the names contain). */
export function CustomerHeader({ requester }: { requester: TicketPerson }) {
  return (
    <header>
      <LargeStrong data-testid="requester-name">
        {requester.name.trim() === '' ? `#${requester.id}` : requester.name}
      </LargeStrong>
      {requester.email !== null && <SmallText>{requester.email}</SmallText>}
    </header>
  )
}
