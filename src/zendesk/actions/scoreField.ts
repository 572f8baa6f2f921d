// Where the priority score goes: the admin's `scoreFieldId`, else the ticket field the app's
// requirements.json created (`requirement:score_field`), found through ZAF without an API call.

import type { AppSettings } from '../settings'
import type { ZafClient } from '../zaf/types'

/** The requirement key of the score field in requirements.json. */
export const SCORE_FIELD_REQUIREMENT = 'score_field'

export type ScoreFieldTarget =
  | { kind: 'field'; id: number; source: 'setting' | 'requirement' }
  /** Writing is switched off in the settings. */
  | { kind: 'off' }
  /** No `scoreFieldId` and no installed requirement: nothing to write to. */
  | { kind: 'missing'; detail: string }

function positiveInteger(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null
}

/**
 * The ticket field to write the score into. A `scoreFieldId` setting wins; otherwise ZAF's
 * `requirement:score_field` answers `{ requirement_id, requirement_type: 'ticket_fields' }`.
 * Never throws: a failed lookup is a `missing` target with the reason.
 *
 * @example
 * await scoreFieldTarget(client, { writeScoreField: true, scoreFieldId: null })
 * //=> { kind: 'field', id: 360001, source: 'requirement' }
 */
export async function scoreFieldTarget(
  client: ZafClient,
  settings: Pick<AppSettings, 'writeScoreField' | 'scoreFieldId'>,
): Promise<ScoreFieldTarget> {
  if (!settings.writeScoreField) return { kind: 'off' }
  if (settings.scoreFieldId !== null) {
    return { kind: 'field', id: settings.scoreFieldId, source: 'setting' }
  }
  const path = `requirement:${SCORE_FIELD_REQUIREMENT}`
  try {
    const result = await client.get(path)
    const failure = result.errors[path]
    if (failure !== undefined) return { kind: 'missing', detail: failure.message }
    const raw = result[path]
    const requirement =
      typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : null
    const id = positiveInteger(requirement?.requirement_id)
    if (id === null) {
      return { kind: 'missing', detail: `${path} has no requirement_id` }
    }
    return { kind: 'field', id, source: 'requirement' }
  } catch (err) {
    return { kind: 'missing', detail: err instanceof Error ? err.message : String(err) }
  }
}
