import { Button } from '@zendeskgarden/react-buttons'
import { MD, SM } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'
import type { OrganizationProfile } from '@/zendesk/history'

import type { HistorySummary, HistoryTicket } from './model'
import { shadeOf } from './palette'

const Tickets = styled.ul`
  list-style: none;
  margin: ${(p) => p.theme.space.xxs} 0 0;
  padding: 0;

  li {
    display: flex;
    flex-direction: column;
    padding: ${(p) => p.theme.space.xxs} 0;
    border-top: 1px solid ${(p) => shadeOf(p.theme, 'grey', 300, '#d8dcde')};
  }

  button {
    text-align: start;
    overflow-wrap: anywhere;
  }
`

export type HistoryPanelProps = {
  summary: HistorySummary
  organization: OrganizationProfile | null
  onOpenTicket: (id: number) => void
}

function TicketRow({ ticket, onOpen }: { ticket: HistoryTicket; onOpen: (id: number) => void }) {
  const { t, format } = useI18n()
  const subject = ticket.subject.trim() === '' ? t('sidebar.history.noSubject') : ticket.subject
  return (
    <li>
      <Button isLink onClick={() => onOpen(ticket.id)}>
        {t('sidebar.history.ticket', { id: ticket.id, subject })}
      </Button>
      <SM>
        {t('sidebar.history.ticketFacts', {
          status: t(`sidebar.history.status.${ticket.status}`),
          rating: t(`sidebar.history.rating.${ticket.csat}`),
          date: format.date(new Date(ticket.createdAt)),
        })}
      </SM>
    </li>
  )
}

/** The requester's tickets, tenure, open tickets, latest tickets, CSAT trend and organization. */
export function HistoryPanel({ summary, organization, onOpenTicket }: HistoryPanelProps) {
  const { t, format } = useI18n()
  const { csat } = summary
  const trendParams = {
    recent: format.percent(csat.recent ?? 0),
    previous: format.percent(csat.previous ?? 0),
  }
  return (
    <section aria-labelledby="rr-history-label" data-testid="history">
      <SM id="rr-history-label" isBold>
        {t('sidebar.history.label')}
      </SM>
      <MD data-testid="ticket-count">
        {summary.complete
          ? t('sidebar.ticketCount', { count: summary.totalTickets })
          : t('sidebar.history.ticketsAbout', { count: summary.totalTickets })}
        {' · '}
        {t('sidebar.history.open', { count: summary.openTickets })}
      </MD>
      {summary.customerSince !== null && (
        <SM>
          {t('sidebar.history.customerSince', {
            date: format.date(new Date(summary.customerSince)),
          })}
        </SM>
      )}
      {organization !== null && (
        <SM data-testid="organization">
          {t('sidebar.history.organization', { name: organization.name })}
        </SM>
      )}
      <SM data-testid="csat-trend">
        {csat.direction === 'none'
          ? t('sidebar.history.csat.none')
          : t(`sidebar.history.csat.${csat.direction}`, trendParams)}
      </SM>
      {summary.lastTickets.length === 0 ? (
        <MD data-testid="new-customer">{t('sidebar.history.newCustomer')}</MD>
      ) : (
        <Tickets aria-label={t('sidebar.history.latest')}>
          {summary.lastTickets.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} onOpen={onOpenTicket} />
          ))}
        </Tickets>
      )}
    </section>
  )
}
