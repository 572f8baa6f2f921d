// The sidebar's writes, each behind its setting: the score into the score field and the tier tag.
// They run when the score or the ticket changes; as time passes alone (the minute clock) the field
// is rewritten at most every `REWRITE_AFTER_MS`, so a ticket left open, or opened again in the same
// tab (the tab's write log), does not fill its audit log.

import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

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
import { scoreWriteLog, shouldWrite } from './scoreWriteLog'
import type { LastWrite, ScoreWriteLog } from './scoreWriteLog'
import { sidebarApi } from './sidebarApi'
import { useSettings } from './useSettings'
import type { TicketState } from './useTicketState'

export type ActionState = {
  /** Where the score goes; undefined while the requirement lookup runs. */
  target: ScoreFieldTarget | undefined
  score: WriteOutcome | null
  tag: WriteOutcome | null
  /** Runs both writes again now (after a failure). */
  retry: () => void
}

// Outcomes that leave the ticket as the log says (a form write waits for the agent's save); after
// the others the next open writes again.
function completed(outcome: WriteOutcome | null): boolean {
  if (outcome === null || outcome.kind === 'unchanged') return true
  return outcome.kind === 'written' && outcome.via === 'api'
}

const tabWriteLog = scoreWriteLog()

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
  log: ScoreWriteLog = tabWriteLog,
): ActionState {
  const { client, context } = useRegisteredClient()
  const subdomain = context.account.subdomain
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
  const last = useRef<LastWrite | null>(null)
  const retry = useCallback(() => {
    last.current = null
    if (ticket !== null) log.forget(subdomain, ticket.id)
    setAttempt((a) => a + 1)
  }, [log, subdomain, ticket])

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
    // this frame's last write, else this tab's for the ticket (an earlier frame's)
    const prev = last.current ?? log.read(subdomain, ticket.id)
    const next = {
      key: JSON.stringify([ticketKey, field, settings.addTierTag]),
      value,
      tier,
      at: Date.now(),
    }
    if (!shouldWrite(prev, next)) return undefined
    last.current = next
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
      if (completed(scoreOutcome) && completed(tagOutcome)) log.write(subdomain, ticket.id, next)
      else log.forget(subdomain, ticket.id)
      if (run.live) setOutcomes({ score: scoreOutcome, tag: tagOutcome })
    })()
    return () => {
      run.live = false
    }
    // `ticket` and `score` are read through `ticketKey`, `value` and `tier`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, edits, settings, target.data, field, value, tier, ticketKey, attempt, log, subdomain])

  // One object per change, so a component holding it re-renders only when it changes.
  return useMemo(
    () => ({ target: target.data, score: outcomes.score, tag: outcomes.tag, retry }),
    [target.data, outcomes, retry],
  )
}
