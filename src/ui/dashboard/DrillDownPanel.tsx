import { Button } from '@zendeskgarden/react-buttons'
import { LG } from '@zendeskgarden/react-typography'
import { useEffect, useRef } from 'react'
import styled from 'styled-components'

import type { Figure } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'
import { Loading } from '@/ui/Loading'
import { Notice } from '@/ui/Notice'
import { useDrillDown } from '@/zendesk/hooks/useDrillDown'
import type { DrillTicket } from '@/zendesk/report/types'
import { useClient } from '@/zendesk/zaf/ClientProvider'

import { DataTable } from './DataTable'
import { formatFigure } from './Figure'
import type { FigureUnit } from './Figure'

import { COLORS } from './colors'

export interface DrillDownPanelProps {
  figure: Figure
  /** What was clicked, as the panel's title says it ("Solved · Gold"). */
  title: string
  /** How the figure's per-ticket value reads (minutes for durations, a count otherwise). */
  unit: FigureUnit
  csvFile: string
  onClose: () => void
}

const Panel = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
  padding: ${(p) => p.theme.space.sm};
  border: 2px solid ${COLORS.blue300};
  border-radius: ${(p) => p.theme.borderRadii.md};
`

const Head = styled.div`
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  align-items: baseline;
  gap: ${(p) => p.theme.space.xs};
`

/**
 * The tickets behind a figure: subject, requester, tier, status and the figure's value per
 * ticket; a ticket opens in Zendesk (routeTo), and the list exports as CSV. Focus moves to the
 * panel's heading when it opens, so keyboard and screen reader users land on it.
 */
export function DrillDownPanel({ figure, title, unit, csvFile, onClose }: DrillDownPanelProps) {
  const i18n = useI18n()
  const { t } = i18n
  const client = useClient()
  const query = useDrillDown(figure)
  const heading = useRef<HTMLHeadingElement>(null)
  // focus moves when another figure is opened, not when the range under the same figure moves
  const opened = JSON.stringify([figure.select, figure.tier ?? null, figure.period ?? null])
  useEffect(() => heading.current?.focus(), [opened])

  const open = (ticket: DrillTicket) => {
    client.invoke('routeTo', 'ticket', ticket.id).catch((err: unknown) => {
      console.warn(`Retention Radar: could not open ticket #${ticket.id}`, err)
    })
  }

  return (
    <Panel aria-labelledby="rr-drill-title">
      <Head>
        <LG tag="h2" id="rr-drill-title" ref={heading} tabIndex={-1}>
          {t('dashboard.drill.title', { what: title })}
        </LG>
        <Button size="small" onClick={onClose}>
          {t('dashboard.drill.close')}
        </Button>
      </Head>
      {query.isPending && <Loading />}
      {query.isError && (
        <Notice type="error" title={t('dashboard.drill.failed')}>
          {query.error.message}
        </Notice>
      )}
      {query.data && (
        <>
          <p>
            {query.data.total > query.data.tickets.length
              ? t('dashboard.drill.some', {
                  count: query.data.total,
                  n: formatFigure(i18n, query.data.total, 'count'),
                  shown: formatFigure(i18n, query.data.tickets.length, 'count'),
                })
              : t('dashboard.drill.all', {
                  count: query.data.total,
                  n: formatFigure(i18n, query.data.total, 'count'),
                })}
          </p>
          <DataTable
            caption={t('dashboard.drill.caption', { what: title })}
            columns={[
              {
                id: 'id',
                header: t('dashboard.drill.ticket'),
                value: (r) => r.id,
                render: (r) => `#${r.id}`,
              },
              { id: 'subject', header: t('dashboard.drill.subject'), value: (r) => r.subject },
              {
                id: 'requester',
                header: t('dashboard.drill.requester'),
                value: (r) =>
                  r.requesterName ?? (r.requesterId === null ? null : `#${r.requesterId}`),
              },
              { id: 'tier', header: t('dashboard.drill.tier'), value: (r) => r.tier },
              { id: 'status', header: t('dashboard.drill.status'), value: (r) => r.status },
              {
                id: 'value',
                header: t('dashboard.drill.value'),
                value: (r) => r.value,
                render: (r) => formatFigure(i18n, r.value, unit),
                numeric: true,
              },
            ]}
            rows={query.data.tickets}
            rowKey={(r) => String(r.id)}
            onDrill={open}
            drillLabel={(r) => t('dashboard.drill.openTicket', { id: r.id, subject: r.subject })}
            csvFile={csvFile}
            empty={t('dashboard.drill.empty')}
          />
        </>
      )}
    </Panel>
  )
}
