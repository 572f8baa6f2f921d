// Command-line arguments of `npm run -s score`.

import { readArgs, UsageError } from '../command/args'

export const USAGE = `usage: npm run -s score -- --in FILE --ticket ID [--now ISO] [--events FILE] [--json]
  --in FILE      dataset: incremental ticket export pages with users and organizations, one per
                 line (npm run dataset)
  --ticket ID    the ticket to score
  --now ISO      the instant to score at, e.g. 2026-10-31T12:00:00Z; default the ticket's updated_at
  --events FILE  ticket metric event pages (npm run dataset -- --events FILE): SLA time left from
                 the ticket's SLA clocks instead of the default per-priority targets
  --json         print JSON: {customer{value,valueSource,tier,nextTier,churnRisk,retentionValue},
                 priority{score,level,factors[{key,contribution,reason}]}} (docs/value-model.md)`

export interface ScoreArgs {
  input: string
  ticketId: number
  now: number | null
  events: string | null
  json: boolean
  help: boolean
}

/** Parses argv (without node and script); throws UsageError on unknown, missing or bad values. */
export function parseArgs(argv: readonly string[]): ScoreArgs {
  const { switches, values, help } = readArgs(argv, {
    switches: ['--json'],
    values: ['--in', '--ticket', '--now', '--events'],
  })
  const json = switches.has('--json')
  if (help) return { input: '', ticketId: 0, now: null, events: null, json, help }
  const input = values.get('--in')
  if (input === undefined) throw new UsageError('--in FILE is required')
  const rawId = values.get('--ticket')
  if (rawId === undefined) throw new UsageError('--ticket ID is required')
  if (!/^\d+$/.test(rawId) || !Number.isSafeInteger(Number(rawId)) || Number(rawId) <= 0) {
    throw new UsageError(`--ticket must be a positive integer, got '${rawId}'`)
  }
  const rawNow = values.get('--now')
  let now: number | null = null
  if (rawNow !== undefined) {
    now = /^\d{4}-\d{2}-\d{2}/.test(rawNow) ? Date.parse(rawNow) : NaN
    if (Number.isNaN(now)) {
      throw new UsageError(
        `--now must be an ISO date-time such as 2026-10-31T12:00:00Z, got '${rawNow}'`,
      )
    }
  }
  return { input, ticketId: Number(rawId), now, events: values.get('--events') ?? null, json, help }
}
