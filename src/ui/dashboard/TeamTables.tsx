import type { TeamMemberKpis } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { DataTable } from './DataTable'
import type { Column } from './DataTable'
import { formatFigure } from './Figure'
import type { FigureUnit } from './Figure'
import { teamRows } from './model/teamRows'
import type { TeamRow } from './model/teamRows'

export interface TeamTablesProps {
  agents: readonly TeamMemberKpis[]
  groups: readonly TeamMemberKpis[]
  names: { users: Readonly<Record<number, string>>; groups: Readonly<Record<number, string>> }
  csvFile: (what: 'agents' | 'groups') => string
  onDrill: (kind: 'agents' | 'groups', id: number | null, name: string) => void
}

const FIGURES: readonly { id: Exclude<keyof TeamMemberKpis, 'id'>; unit: FigureUnit }[] = [
  { id: 'solved', unit: 'count' },
  { id: 'firstReplyMinutesMedian', unit: 'minutes' },
  { id: 'fullResolutionMinutesMedian', unit: 'minutes' },
  { id: 'oneTouchRate', unit: 'percent' },
  { id: 'csatScore', unit: 'percent' },
]

/** The agents and groups tables: names, not ids; every column sorts; a row opens its tickets. */
export function TeamTables({ agents, groups, names, csvFile, onDrill }: TeamTablesProps) {
  const i18n = useI18n()
  const { t } = i18n
  const table = (kind: 'agents' | 'groups', members: readonly TeamMemberKpis[]) => {
    const rows = teamRows(members, kind === 'agents' ? names.users : names.groups, kind)
    const nameOf = (r: TeamRow): string =>
      r.id === null
        ? t('dashboard.team.unassigned')
        : (r.name ?? t(`dashboard.team.unknown.${kind}`, { id: r.id }))
    const columns: Column<TeamRow>[] = [
      { id: 'name', header: t(`dashboard.team.${kind}`), value: nameOf },
      ...FIGURES.map((f): Column<TeamRow> => ({
        id: f.id,
        header: t(`dashboard.team.columns.${f.id}`),
        value: (r) => r[f.id],
        render: (r) => formatFigure(i18n, r[f.id], f.unit),
        kpi: (r) => `${r.kpi}.${f.id}`,
        numeric: true,
      })),
    ]
    return (
      <DataTable
        caption={t(`dashboard.team.${kind}Caption`)}
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.id)}
        initialSort={{ column: 'solved', direction: 'descending' }}
        onDrill={(r) => onDrill(kind, r.id, nameOf(r))}
        drillLabel={(r) => t('dashboard.drill.open', { what: nameOf(r) })}
        csvFile={csvFile(kind)}
        empty={t('dashboard.team.empty')}
      />
    )
  }
  return (
    <>
      {table('agents', agents)}
      {table('groups', groups)}
    </>
  )
}
