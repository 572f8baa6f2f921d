import { Button } from '@zendeskgarden/react-buttons'
import { SM } from '@zendeskgarden/react-typography'

import { useI18n } from '@/i18n/I18nProvider'
import type { ActionState } from '@/zendesk/hooks/useSidebarActions'

import { Notice } from '../Notice'

export type ActionStatusProps = { actions: ActionState; tag: string; fieldId: number | null }

/** What the sidebar's writes did; a failure says which write, why, and offers a retry. */
export function ActionStatus({ actions, tag, fieldId }: ActionStatusProps) {
  const { t } = useI18n()
  const { score, tag: tagged, target } = actions
  const failures: string[] = []
  if (score?.kind === 'failed')
    failures.push(
      t('sidebar.actions.scoreFailed', { field: fieldId ?? '—', message: score.message }),
    )
  if (tagged?.kind === 'failed')
    failures.push(t('sidebar.actions.tagFailed', { tag, message: tagged.message }))
  const notes: string[] = []
  if (target?.kind === 'missing')
    notes.push(t('sidebar.actions.noField', { detail: target.detail }))
  if (score?.kind === 'written')
    notes.push(
      t(score.via === 'api' ? 'sidebar.actions.scoreSaved' : 'sidebar.actions.scoreInForm'),
    )
  if (score?.kind === 'waiting') notes.push(t('sidebar.actions.scoreWaiting'))
  if (tagged?.kind === 'written')
    notes.push(
      t(tagged.via === 'api' ? 'sidebar.actions.tagSaved' : 'sidebar.actions.tagInForm', { tag }),
    )
  if (tagged?.kind === 'waiting') notes.push(t('sidebar.actions.tagWaiting', { tag }))
  if (failures.length === 0 && notes.length === 0) return null
  return (
    <section data-testid="action-status">
      {failures.length > 0 && (
        <Notice type="error" title={t('sidebar.actions.failedTitle')}>
          {failures.join(' ')}{' '}
          <Button size="small" isBasic onClick={actions.retry}>
            {t('common.retry')}
          </Button>
        </Notice>
      )}
      {notes.map((note) => (
        <SM key={note}>{note}</SM>
      ))}
    </section>
  )
}
