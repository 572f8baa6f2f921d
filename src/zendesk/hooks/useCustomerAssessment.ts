// The open ticket scored for the sidebar, from the data hooks: the ticket (ZAF), the requester's
// history (API, cached), the account baseline (shared record) and the settings, scored by the core.
// The score is recomputed when the ticket changes and once a minute while the app is visible.

import { useMemo } from 'react'

import { accountBaseline, scoreRequesterTicket, valueModelSettings } from '@/core'
import type { AccountBaseline, RequesterTicketScore } from '@/core'

import { isZendeskApiError } from '../errors'
import type { RequesterHistory } from '../history'
import { useRegisteredClient } from '../zaf/ClientProvider'
import { customerInputs } from './customerInputs'
import { sidebarClock } from './sidebarApi'
import { useMinuteClock } from './useMinuteClock'
import { useRequesterHistory } from './useRequesterHistory'
import { useSettings } from './useSettings'
import { useTicketState } from './useTicketState'
import type { TicketState } from './useTicketState'

/** The account baseline as the sidebar gets it: shared by the background, or not there yet. */
export type BaselineState =
  | { status: 'loading' }
  | { status: 'ready'; baseline: AccountBaseline; computedAt: number | null }
  | { status: 'none'; reason: string }

export type CustomerAssessment =
  | { status: 'loading' }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'noRequester'; ticket: TicketState }
  | {
      status: 'ready'
      ticket: TicketState
      score: RequesterTicketScore
      /** Null when the requester's history could not be read. */
      history: RequesterHistory | null
      /** Zendesk no longer finds the requester (a deleted user). */
      requesterMissing: boolean
      /** Whether tiers came from the account's baseline or from the threshold settings. */
      baseline: 'account' | 'thresholds'
      /** When the history was fetched (epoch ms); null without history. */
      updatedAt: number | null
      /** Set when the last refresh failed and older data is shown (rate limit, network). */
      refreshError: Error | null
      refresh: () => void
      /**
       * The history or the baseline is still on its way: the score is from what is known already
       * (the ticket, the tags, the threshold tiers) and moves when they arrive. Nothing is written.
       */
      provisional: boolean
    }

function notFound(error: unknown): boolean {
  return isZendeskApiError(error) && error.code === 'not_found'
}

/**
 * The sidebar's data and score in one value.
 *
 * @example
 * const a = useCustomerAssessment(baseline)
 * if (a.status === 'ready') a.score.score //=> 71.6
 */
export function useCustomerAssessment(baselineState: BaselineState): CustomerAssessment {
  const { client } = useRegisteredClient()
  const { settings } = useSettings()
  const now = useMinuteClock(client, sidebarClock(client))
  const ticket = useTicketState()
  const history = useRequesterHistory(ticket.data?.requester?.id ?? null)
  const modelSettings = useMemo(() => valueModelSettings(settings), [settings])
  // Without the account's baseline every reference number is unknown (threshold tiers apply).
  const emptyBaseline = useMemo(() => accountBaseline([], [], 0), [])

  const historyData = history.data ?? null
  const missing = history.data === undefined && notFound(history.error)
  // While the history is on its way the ticket alone is scored, so the glance shows at once.
  const historyPending = history.data === undefined && !history.isError
  const baseline = baselineState.status === 'ready' ? baselineState.baseline : emptyBaseline

  const score = useMemo(() => {
    if (ticket.data === undefined || ticket.data.requester === null) return null
    if (historyData === null && !missing && !historyPending) return null
    return scoreRequesterTicket({
      ...customerInputs(ticket.data, historyData, now),
      baseline,
      now,
      settings: modelSettings,
      ticketTags: ticket.data.tags,
    })
  }, [ticket.data, historyData, missing, historyPending, baseline, now, modelSettings])

  if (ticket.isError) {
    return { status: 'error', error: ticket.error, retry: () => void ticket.refetch() }
  }
  if (ticket.data === undefined) return { status: 'loading' }
  if (ticket.data.requester === null) return { status: 'noRequester', ticket: ticket.data }
  if (history.data === undefined && history.isError && !missing) {
    return { status: 'error', error: history.error, retry: () => void history.refetch() }
  }
  if (score === null) return { status: 'loading' }
  return {
    status: 'ready',
    ticket: ticket.data,
    score,
    history: historyData,
    requesterMissing: missing,
    baseline: baselineState.status === 'ready' ? 'account' : 'thresholds',
    updatedAt: historyData?.fetchedAt ?? null,
    refreshError: history.data !== undefined && history.isError ? history.error : null,
    refresh: () => void history.refetch(),
    provisional: historyPending || baselineState.status === 'loading',
  }
}
