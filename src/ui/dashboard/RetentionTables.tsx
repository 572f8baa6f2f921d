import { LG } from '@zendeskgarden/react-typography'
import styled from 'styled-components'

import type { Channel, GroupRetention } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'
import type { RetentionReportData } from '@/zendesk/report/types'

import { channelKey } from './model/channelKey'
import { DataTable } from './DataTable'
import type { Column } from './DataTable'
import { FigureValue, formatFigure } from './Figure'

import { COLORS } from './colors'

export interface RetentionTablesProps {
  report: RetentionReportData
  names: Readonly<Record<number, string>>
  csvFile: (what: string) => string
}

const Block = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
`

const Figures = styled.dl`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
  gap: ${(p) => p.theme.space.sm};
  margin: 0;
  dt {
    font-size: ${(p) => p.theme.fontSizes.sm};
    color: ${COLORS.grey700};
  }
  dd {
    margin: 0;
    font-size: ${(p) => p.theme.fontSizes.lg};
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }
`

/** Columns shared by the per-channel and per-agent retention tables (rate with its 95 % interval). */
function cohortColumns<K>(
  i18n: ReturnType<typeof useI18n>,
  path: string,
): Column<GroupRetention<K>>[] {
  const { t } = i18n
  const pct = (id: string, header: string, get: (r: GroupRetention<K>) => number, kpi: string) => ({
    id,
    header,
    value: (r: GroupRetention<K>) => get(r),
    render: (r: GroupRetention<K>) => formatFigure(i18n, get(r), 'percent'),
    kpi: (r: GroupRetention<K>) => `${path}.${String(r.key)}.${kpi}`,
    numeric: true,
  })
  return [
    {
      id: 'customers',
      header: t('dashboard.retention.customers'),
      value: (r) => r.customers,
      render: (r) => formatFigure(i18n, r.customers, 'count'),
      kpi: (r) => `${path}.${String(r.key)}.customers`,
      numeric: true,
    },
    pct('rate', t('dashboard.retention.rate'), (r) => r.rate, 'rate'),
    pct('low', t('dashboard.retention.ciLow'), (r) => r.ci[0], 'ci.0'),
    pct('high', t('dashboard.retention.ciHigh'), (r) => r.ci[1], 'ci.1'),
  ]
}

/**
 * The retention tables: by first-contact channel, the top 10 customers by active tickets × value,
 * the revenue at risk in the backlog and per-agent retention with its 95 % interval.
 */
export function RetentionTables({ report, names, csvFile }: RetentionTablesProps) {
  const i18n = useI18n()
  const { t } = i18n
  // The kpi command numbers the top customers from 1.
  const top = report.topCustomers.map((r, index) => ({ ...r, rank: index + 1 }))
  const currencies = Object.entries(report.revenueAtRisk.byCurrency)
  const customerName = (id: number) => names[id] ?? t('dashboard.team.unknown.customer', { id })
  const agentName = (id: number) => names[id] ?? t('dashboard.team.unknown.agents', { id })
  return (
    <>
      <Block aria-labelledby="rr-risk">
        <LG tag="h3" id="rr-risk">
          {t('dashboard.retention.revenueAtRisk')}
        </LG>
        {currencies.length === 0 ? (
          <p>{t('dashboard.retention.noMoney')}</p>
        ) : (
          currencies.map(([currency, b]) => {
            const path = `retention.revenueAtRisk.byCurrency.${currency}`
            return (
              <Figures key={currency}>
                <div>
                  <dt>{t('dashboard.retention.atRisk')}</dt>
                  <dd>
                    <FigureValue
                      kpi={`${path}.atRisk`}
                      value={b.atRisk}
                      unit="money"
                      currency={currency}
                    />
                  </dd>
                </div>
                <div>
                  <dt>{t('dashboard.retention.backlogValue')}</dt>
                  <dd>
                    <FigureValue
                      kpi={`${path}.value`}
                      value={b.value}
                      unit="money"
                      currency={currency}
                    />
                  </dd>
                </div>
                <div>
                  <dt>{t('dashboard.retention.backlogCustomers')}</dt>
                  <dd>
                    <FigureValue kpi={`${path}.customers`} value={b.customers} unit="count" />
                  </dd>
                </div>
                <div>
                  <dt>{t('dashboard.retention.openTickets')}</dt>
                  <dd>
                    <FigureValue kpi={`${path}.openTickets`} value={b.openTickets} unit="count" />
                  </dd>
                </div>
              </Figures>
            )
          })
        )}
        <p>
          {t('dashboard.retention.unvalued', {
            customers: formatFigure(i18n, report.revenueAtRisk.unvalued.customers, 'count'),
            tickets: formatFigure(i18n, report.revenueAtRisk.unvalued.openTickets, 'count'),
          })}
        </p>
      </Block>
      <DataTable
        caption={t('dashboard.retention.topCustomers')}
        columns={[
          {
            id: 'name',
            header: t('dashboard.retention.customer'),
            value: (r) => customerName(r.customerId),
          },
          {
            id: 'activeTickets',
            header: t('dashboard.retention.activeTickets'),
            value: (r) => r.activeTickets,
            render: (r) => formatFigure(i18n, r.activeTickets, 'count'),
            kpi: (r) => `retention.topCustomers.${r.rank}.activeTickets`,
            numeric: true,
          },
          {
            id: 'value',
            header: t('dashboard.retention.value'),
            value: (r) => r.value,
            render: (r) => formatFigure(i18n, r.value, 'count'),
            kpi: (r) => `retention.topCustomers.${r.rank}.value`,
            numeric: true,
          },
          {
            id: 'weight',
            header: t('dashboard.retention.weight'),
            value: (r) => r.weight,
            render: (r) => formatFigure(i18n, r.weight, 'count'),
            kpi: (r) => `retention.topCustomers.${r.rank}.weight`,
            numeric: true,
          },
        ]}
        rows={top}
        rowKey={(r) => String(r.customerId)}
        csvFile={csvFile('top-customers')}
        empty={t('dashboard.retention.noTop')}
      />
      <DataTable
        caption={t('dashboard.retention.byChannel')}
        columns={[
          {
            id: 'channel',
            header: t('dashboard.charts.channel'),
            value: (r) => t(`dashboard.channels.${channelKey(r.key)}`),
          },
          ...cohortColumns<Channel>(i18n, 'retention.byChannel'),
        ]}
        rows={report.byChannel}
        rowKey={(r) => r.key}
        csvFile={csvFile('retention-by-channel')}
        empty={t('dashboard.retention.tooFew')}
      />
      <DataTable
        caption={t('dashboard.retention.byAgent')}
        columns={[
          { id: 'agent', header: t('dashboard.team.agents'), value: (r) => agentName(r.key) },
          ...cohortColumns<number>(i18n, 'retention.byAgent'),
        ]}
        rows={report.byAgent}
        rowKey={(r) => String(r.key)}
        initialSort={{ column: 'customers', direction: 'descending' }}
        csvFile={csvFile('retention-by-agent')}
        empty={t('dashboard.retention.tooFew')}
      />
    </>
  )
}
