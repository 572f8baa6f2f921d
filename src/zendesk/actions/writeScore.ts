// Writes the priority score (a whole number 0–100) into the score ticket field.

import type { WriteContext, WriteOutcome } from './types'
import { messageOf } from './types'

export type ScoreWrite = { ticketId: number; fieldId: number; score: number }

/** `ticket.customField:custom_field_<id>`: the field's path in ZAF and in change events. */
export function fieldPath(fieldId: number): string {
  return `ticket.customField:custom_field_${fieldId}`
}

/** The score as the integer field stores it, clamped to 0–100; null for a non-number. */
export function scoreFieldValue(score: number): number | null {
  if (!Number.isFinite(score)) return null
  return Math.min(100, Math.max(0, Math.round(score)))
}

function numberOf(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

/**
 * Puts the score into the ticket without touching anything the agent has not saved:
 * - the agent edited the field itself → `waiting` (their value stands until they save);
 * - other unsaved edits in the form → `client.set` on the form field, saved with their save;
 * - a clean form → `PUT /api/v2/tickets/<id>.json` with only this field, so views sort by it now.
 *
 * @example
 * await writeScore(ctx, { ticketId: 12, fieldId: 360001, score: 71.6 }) //=> { kind: 'written', via: 'api' }
 */
export async function writeScore(ctx: WriteContext, write: ScoreWrite): Promise<WriteOutcome> {
  const value = scoreFieldValue(write.score)
  if (value === null) return { kind: 'failed', message: `score ${write.score} is not a number` }
  const path = fieldPath(write.fieldId)
  const edited = ctx.edits.edited()
  if (edited.has(path)) return { kind: 'waiting' }
  try {
    const current = await ctx.client.get(path)
    if (current.errors[path] === undefined && numberOf(current[path]) === value) {
      return { kind: 'unchanged' }
    }
  } catch {
    // The form may not show the field (e.g. another ticket form): the API write still works.
  }
  try {
    ctx.edits.expect(path, value)
    if (edited.size > 0) {
      await ctx.client.set(path, value)
      return { kind: 'written', via: 'form' }
    }
    await ctx.governor.execute({
      method: 'PUT',
      path: `/api/v2/tickets/${write.ticketId}.json`,
      body: { ticket: { custom_fields: [{ id: write.fieldId, value }] } },
    })
    return { kind: 'written', via: 'api' }
  } catch (err) {
    return { kind: 'failed', message: messageOf(err) }
  }
}
