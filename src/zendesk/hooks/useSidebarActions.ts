// The sidebar's writes, each behind its setting: the score into the score field and the tier tag.
// They run when the score or the ticket changes; as time passes alone (the minute clock) the field
// is rewritten at most every `REWRITE_AFTER_MS`, so a ticket left open does not fill its audit log.

import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { RequesterTicketScore } from '@/core'

import {
  scoreFieldTarget,
  scoreFieldValue,
  formEditsOf,
  writeScore,
  writeTierTag,
} from '../actions'
import type { ScoreFieldTarget, WriteOutcome } from '../actions'
import { useRegisteredClient } from '../zaf/ClientProvider'
import { queryKeys } from './queryKeys'
import { sidebarApi } from './sidebarApi'
import { useSettings } from './useSettings'
import type { TicketState } from './useTicketState'

export const REWRITE_AFTER_MS = 15 * 60_000

export type ActionState = {
  /** Where the score goes; undefined while the requirement lookup runs. */
  target: ScoreFieldTarget | undefined
  score: WriteOutcome | null
  tag: WriteOutcome | null
  /** Runs both writes again now (after a failure). */
  retry: () => void
}

type Last = { key: string; value: number | null; tier: string; at: number }

/**
 * Writes the score and the tier tag for a scored ticket (null while there is none).
 *
 * @example
 * const actions = useSidebarActions(ticket, score)
 * actions.score //=> { kind: 'written', via: 'api' }
 */
export function useSidebarActions(
  ticket: TicketState | null,
  score: RequesterTicketScore | null,
): ActionState {
  const { client } = useRegisteredClient()
  const { settings } = useSettings()
  const target = useQuery({
    queryKey: [...queryKeys.scoreField.all, settings.writeScoreField, settings.scoreFieldId],
    queryFn: () => scoreFieldTarget(client, settings),
    staleTime: Infinity,
  })
  // The page's tracker, started when the client was created, so edits made while the sidebar
  // loaded count too.
  const edits = formEditsOf(client)

  const [outcomes, setOutcomes] = useState<{
    score: WriteOutcome | null
    tag: WriteOutcome | null
  }>({ score: null, tag: null })
  const [attempt, setAttempt] = useState(0)
  const last = useRef<Last | null>(null)
  const retry = useCallback(() => {
    last.current = null
    setAttempt((a) => a + 1)
  }, [])

  const field = target.data?.kind === 'field' ? target.data.id : null
  const value = score === null ? null : scoreFieldValue(score.score)
  const tier = score?.tier.tier ?? ''
  const ticketKey =
    ticket === null
      ? ''
      : JSON.stringify([
          ticket.id,
          ticket.status,
          ticket.priority,
          ticket.requester?.id,
          ticket.tags,
        ])

  useEffect(() => {
    if (ticket === null || score === null) return undefined
    // Wait for the field lookup, so the first write goes to the right place.
    if (target.data === undefined) return undefined
    const prev = last.current
    const now = Date.now()
    const key = JSON.stringify([ticketKey, field, settings.addTierTag])
    const sameTicket = prev !== null && prev.key === key
    if (sameTicket && prev.value === value && prev.tier === tier) return undefined
    if (sameTicket && prev.tier === tier && now - prev.at < REWRITE_AFTER_MS) return undefined
    last.current = { key, value, tier, at: now }
    const ctx = { client, governor: sidebarApi(client, settings).api.governor, edits }
    const run = { live: true }
    void (async () => {
      const scoreOutcome =
        field !== null && value !== null
          ? await writeScore(ctx, { ticketId: ticket.id, fieldId: field, score: value })
          : null
      const tagOutcome = settings.addTierTag
        ? await writeTierTag(ctx, { ticketId: ticket.id, tier, tags: ticket.tags })
        : null
      if (run.live) setOutcomes({ score: scoreOutcome, tag: tagOutcome })
    })()
    return () => {
      run.live = false
    }
    // `ticket` and `score` are read through `ticketKey`, `value` and `tier`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, edits, settings, target.data, field, value, tier, ticketKey, attempt])

  return { target: target.data, score: outcomes.score, tag: outcomes.tag, retry }
}
