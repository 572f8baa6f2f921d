import { LG, SM } from '@zendeskgarden/react-typography'

import type { TicketPerson } from '@/zendesk/hooks/useTicketState'

/** The requester's name and email (plain text: React escapes whatever the names contain). */
export function CustomerHeader({ requester }: { requester: TicketPerson }) {
  return (
    <header>
      <LG isBold data-testid="requester-name">
        {requester.name.trim() === '' ? `#${requester.id}` : requester.name}
      </LG>
      {requester.email !== null && <SM>{requester.email}</SM>}
    </header>
  )
}
