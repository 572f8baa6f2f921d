// The ticket sidebar's writes: the score field and the tier tag, each behind its setting.

export { formEditsOf, trackFormEdits } from './formEdits'
export { scoreFieldTarget } from './scoreField'
export type { ScoreFieldTarget } from './scoreField'
export { tierTagOf, writeTierTag } from './tierTag'

export type { WriteContext, WriteOutcome } from './types'
export { scoreFieldValue, writeScore } from './writeScore'
