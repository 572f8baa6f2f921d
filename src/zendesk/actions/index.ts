// The ticket sidebar's writes: the score field and the tier tag, each behind its setting.

export { trackFormEdits } from './formEdits'
export type { FormEdits } from './formEdits'
export { SCORE_FIELD_REQUIREMENT, scoreFieldTarget } from './scoreField'
export type { ScoreFieldTarget } from './scoreField'
export { TIER_TAG_PREFIX, tierTagOf, writeTierTag } from './tierTag'
export type { TierTagWrite } from './tierTag'
export type { WriteContext, WriteOutcome } from './types'
export { fieldPath, scoreFieldValue, writeScore } from './writeScore'
export type { ScoreWrite } from './writeScore'
