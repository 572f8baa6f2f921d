// The ticket sidebar rendered over a fake account, as the sidebar test files all need it: the
// account's ticket in ZAF, the score field requirement installed and empty, ZAF's proxy answering
// from the account.
import { screen, waitFor } from '@testing-library/react'

import { TicketSidebar } from '@/locations/ticket_sidebar/TicketSidebar'
import { formEditsOf } from '@/zendesk/actions'

import type { FakeZafClientOptions } from '../../support/fakeZafClient'
import { renderInZendesk } from '../../support/render'
import type { FakeAccount } from './fakeAccount'
import { zendeskProxy } from './fakeAccount'

/** The score field's id in the fake account (the `score_field` requirement). */
export const FIELD = 360_001
export const FIELD_PATH = `ticket.customField:custom_field_${FIELD}`

/** Renders the sidebar on `account`'s ticket; `options` add to (or replace) the ZAF values. */
export async function renderSidebar(account: FakeAccount, options: FakeZafClientOptions = {}) {
  const rendered = await renderInZendesk(<TicketSidebar />, {
    ...options,
    values: {
      ...account.ticket,
      'requirement:score_field': { requirement_id: FIELD, requirement_type: 'ticket_fields' },
      [FIELD_PATH]: null,
      ...options.values,
    },
    context: { ticketId: account.ticket['ticket.id'] as number, ...options.context },
    request: zendeskProxy(account),
  })
  // The form's edits are followed from the client's start, as the sidebar's entry does.
  formEditsOf(rendered.client)
  return rendered
}

/** The score once the history and the baseline are in (a provisional score shows before). */
export async function settledScore(): Promise<HTMLElement> {
  const element = await screen.findByTestId('priority-score', {}, { timeout: 5000 })
  await waitFor(() => expect(screen.queryByTestId('provisional')).toBeNull(), { timeout: 5000 })
  return element
}
