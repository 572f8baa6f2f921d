import { Button } from '@zendeskgarden/react-buttons'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { useI18n } from '@/i18n/I18nProvider'
import { Notice } from '@/ui/Notice'
import { SettingsProblems } from '@/ui/SettingsProblems'
import { ActionStatus } from '@/ui/sidebar/ActionStatus'
import { CustomerHeader } from '@/ui/sidebar/CustomerHeader'
import { HistoryPanel } from '@/ui/sidebar/HistoryPanel'
import {
  historySummary,
  minutesAgo,
  requesterKind,
  slaCountdown,
  slaWarningNotice,
  topReasons,
} from '@/ui/sidebar/model'
import { RequesterNotice } from '@/ui/sidebar/RequesterNotice'
import { RetentionValue } from '@/ui/sidebar/RetentionValue'
import { ScoreSummary } from '@/ui/sidebar/ScoreSummary'
import { SidebarSkeleton } from '@/ui/sidebar/SidebarSkeleton'
import { SlaCountdown } from '@/ui/sidebar/SlaCountdown'
import { SlaWarningBanner } from '@/ui/sidebar/SlaWarningBanner'
import { glance } from '@/ui/sidebar/glanceStyles'
import { SmallText } from '@/ui/sidebar/Text'
import { TierBadge } from '@/ui/sidebar/TierBadge'
import { WhyDisclosure } from '@/ui/sidebar/WhyDisclosure'
import { tierTagOf } from '@/zendesk/actions'
import { sidebarNoticeKeys } from '@/zendesk/hooks/noticeKeys'
import { useChangeNotices } from '@/zendesk/hooks/useChangeNotices'
import { useCustomerAssessment } from '@/zendesk/hooks/useCustomerAssessment'
import type { BaselineState, CustomerAssessment } from '@/zendesk/hooks/useCustomerAssessment'
import { useSettings } from '@/zendesk/hooks/useSettings'
import { sidebarClock } from '@/zendesk/hooks/sidebarApi'
import { useMinuteClock } from '@/zendesk/hooks/useMinuteClock'
import { useSharedBaseline } from '@/zendesk/hooks/useSharedBaseline'
import { useSidebarActions } from '@/zendesk/hooks/useSidebarActions'
import type { ActionState } from '@/zendesk/hooks/useSidebarActions'
import type { TicketState } from '@/zendesk/hooks/useTicketState'
import { useSlaWarning } from '@/zendesk/slaWarnings/useSlaWarning'
import { useClient, useRegisteredClient } from '@/zendesk/zaf/ClientProvider'
import { useAutoResize } from '@/zendesk/zaf/useAutoResize'

import { useAfterFirstPaint } from './useAfterFirstPaint'

type Ready = Extract<CustomerAssessment, { status: 'ready' }>

/** The view models of a scored ticket, computed once per new assessment. */
function useView(a: Ready) {
  return useMemo(
    () => ({
      kind: requesterKind(a.ticket, a.history, a.requesterMissing),
      summary: a.history === null ? null : historySummary(a.history, a.ticket.id),
      reasons: topReasons(a.score),
      sla: slaCountdown(a.score),
      age: minutesAgo(a.updatedAt, a.score.now),
    }),
    [a],
  )
}

type CustomerProps = {
  assessment: Ready
  actions: ActionState
  /** False in the first render: only the glance (score, tier, value, SLA) is in it. */
  details: boolean
}

function Customer({ assessment, actions, details }: CustomerProps) {
  const { t } = useI18n()
  const client = useClient()
  const view = useView(assessment)
  const { score, ticket } = assessment
  const openTicket = useCallback(
    (id: number) => {
      client.invoke('routeTo', 'ticket', id).catch((err: unknown) => {
        console.warn('Retention Radar: could not open the ticket', err)
      })
    },
    [client],
  )
  return (
    <>
      {ticket.requester !== null && <CustomerHeader requester={ticket.requester} />}
      <RequesterNotice kind={view.kind} />
      {assessment.refreshError !== null && (
        <Notice type="warning" title={t('sidebar.stale.title', { count: view.age })}>
          {t('sidebar.stale.body', { message: assessment.refreshError.message })}{' '}
          <Button size="small" isBasic onClick={assessment.refresh}>
            {t('common.retry')}
          </Button>
        </Notice>
      )}
      <ScoreSummary score={score} reasons={view.reasons} />
      {assessment.provisional && (
        <SmallText role="status" data-testid="provisional">
          {t('sidebar.provisional')}
        </SmallText>
      )}
      {view.sla !== null && <SlaCountdown countdown={view.sla} />}
      <TierBadge
        tier={score.tier}
        currency={score.value.currency}
        thresholdTiers={
          !assessment.provisional && (assessment.baseline === 'thresholds' || score.tier.fallback)
        }
      />
      <RetentionValue score={score} />
      {details ? (
        <>
          <ActionStatus
            actions={actions}
            tag={tierTagOf(score.tier.tier)}
            fieldId={actions.target?.kind === 'field' ? actions.target.id : null}
          />
          <WhyDisclosure factors={score.factors} />
          {view.summary !== null && (
            <HistoryPanel
              summary={view.summary}
              organization={assessment.history?.organization ?? null}
              onOpenTicket={openTicket}
            />
          )}
          {assessment.updatedAt !== null && assessment.refreshError === null && (
            <SmallText>{t('sidebar.updated', { count: view.age })}</SmallText>
          )}
        </>
      ) : (
        // the height of the small "Why this score?" button, kept while the parts below the glance
        // mount, so nothing under the glance moves when they come in
        <div className={glance.belowTheFold} aria-hidden="true" data-testid="below-the-fold" />
      )}
    </>
  )
}

/** The background's SLA warning for the open ticket, counted down on Zendesk's clock. */
function SlaWarningSlot({ ticketId }: { ticketId: number | null }) {
  const { client } = useRegisteredClient()
  const now = useMinuteClock(client, sidebarClock(client))
  const warning = useSlaWarning(ticketId)
  const notice = useMemo(() => slaWarningNotice(warning, now), [warning, now])
  return notice === null ? null : <SlaWarningBanner notice={notice} />
}

// Until the readers below have mounted: the baseline is still being read, nothing is written.
const BASELINE_LOADING: BaselineState = { status: 'loading' }
const NO_ACTIONS: ActionState = {
  target: undefined,
  score: null,
  tag: null,
  retry: () => undefined,
}

/**
 * Reads the account baseline for the sidebar. Mounted after the first paint: the read is
 * asynchronous (a day's cache, else one request), so the first render never has the baseline
 * anyway, and its query does not weigh on that render.
 */
function BaselineReader({ onChange }: { onChange: (baseline: BaselineState) => void }) {
  const baseline = useSharedBaseline()
  useEffect(() => onChange(baseline), [baseline, onChange])
  return null
}

type ScoreWriterProps = {
  ticket: TicketState | null
  score: Ready['score'] | null
  onChange: (actions: ActionState) => void
}

/**
 * The score field and tier tag writes. Mounted after the first paint: a provisional first score is
 * never written, and the field lookup need not weigh on that render. The agent's edits made before
 * are followed by the page's tracker, started with the client.
 */
function ScoreWriter({ ticket, score, onChange }: ScoreWriterProps) {
  const actions = useSidebarActions(ticket, score)
  useEffect(() => onChange(actions), [actions, onChange])
  return null
}

/**
 * The ticket sidebar: the priority score with its reasons, the VIP tier, the retention value, the
 * SLA countdown and the requester's history, live as the ticket and the account change.
 */
export function TicketSidebar() {
  const { t } = useI18n()
  const { client, context } = useRegisteredClient()
  const ref = useRef<HTMLElement>(null)
  useAutoResize(client, ref)
  useChangeNotices(sidebarNoticeKeys)
  const { problems } = useSettings()
  const [baseline, setBaseline] = useState(BASELINE_LOADING)
  const [actions, setActions] = useState(NO_ACTIONS)
  const assessment = useCustomerAssessment(baseline)
  const ready = assessment.status === 'ready'
  // A provisional score (history or baseline still loading) is shown, never written; nor is a
  // closed ticket's (Zendesk refuses any update to it).
  const writable = ready && !assessment.provisional && assessment.ticket.status !== 'closed'
  const ticketId = context.ticketId ?? (ready ? assessment.ticket.id : null)
  // The glance paints first; the baseline read, the writes, the breakdown, the history, the write
  // status and the settings' problems mount right after that paint.
  const details = useAfterFirstPaint()

  return (
    <main className={glance.sidebar} ref={ref} aria-label={t('sidebar.title')}>
      {details && <BaselineReader onChange={setBaseline} />}
      {details && (
        <ScoreWriter
          ticket={writable ? assessment.ticket : null}
          score={writable ? assessment.score : null}
          onChange={setActions}
        />
      )}
      <SlaWarningSlot ticketId={ticketId} />
      {details && <SettingsProblems problems={problems} />}
      {assessment.status === 'loading' && <SidebarSkeleton />}
      {assessment.status === 'error' && (
        <Notice type="error" title={t('sidebar.error.title')}>
          {t('common.error.body', { message: assessment.error.message })}{' '}
          <Button size="small" isBasic onClick={assessment.retry}>
            {t('common.retry')}
          </Button>
        </Notice>
      )}
      {assessment.status === 'noRequester' && (
        <Notice type="info" title={t('sidebar.title')}>
          {t('sidebar.noRequester')}
        </Notice>
      )}
      {assessment.status === 'ready' && (
        <Customer assessment={assessment} actions={actions} details={details} />
      )}
    </main>
  )
}
