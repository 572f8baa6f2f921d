// The report source over ZAF instance messaging: a view's instance sends a request event to the
// background instance, which answers with a response event to the sender. Both carry the app's
// name, a protocol version, a request id and the sender's instance guid; anything else is not
// ours and is dropped. Payloads cross postMessage as JSON (no Maps, no undefined, no Infinity).

import { CHANNELS, DRILL_KPIS, FIRST_REPLY_BUCKETS } from '@/core'

import { z } from '../schemas/z'
import { REPORT_SOURCE_ERROR_CODES } from './errors'

export const REPORT_PROTOCOL_VERSION = 1
export const REQUEST_EVENT = 'retention-radar.report.request'
export const RESPONSE_EVENT = 'retention-radar.report.response'

/** A string of 1 to `max` characters. */
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))

const envelope = {
  app: z.literal('retention-radar'),
  v: z.literal(REPORT_PROTOCOL_VERSION),
  id: text(200),
  /** The sending instance's guid (ZAF does not tell the receiver who triggered an event). */
  from: text(200),
}

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date (YYYY-MM-DD…)'))
export const rangeSchema = z.object({
  from: day,
  to: day,
  timeZone: z.optional(text(100)),
})

const count = z.int().check(z.nonnegative())
const ids = z.array(count).check(z.maxLength(10_000))
const nullableId = z.nullable(count)

export const figureSchema = z.object({
  range: rangeSchema,
  period: z.optional(z.enum(['current', 'previous'])),
  tier: z.optional(text(100)),
  select: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('kpi'), kpi: z.enum(DRILL_KPIS) }),
    z.object({ kind: z.literal('channel'), channel: z.enum(CHANNELS) }),
    z.object({ kind: z.literal('day'), day }),
    z.object({
      kind: z.literal('weekdayHour'),
      weekday: z.int().check(z.minimum(0), z.maximum(6)),
      hour: z.int().check(z.minimum(0), z.maximum(23)),
    }),
    z.object({ kind: z.literal('agent'), agentId: nullableId }),
    z.object({ kind: z.literal('group'), groupId: nullableId }),
    z.object({
      kind: z.literal('firstReplyBucket'),
      channel: z.enum(CHANNELS),
      bucket: z.enum(FIRST_REPLY_BUCKETS),
    }),
    z.object({
      kind: z.literal('resolutionBucket'),
      // zod 4 numbers are finite: NaN and ±Infinity are refused
      fromMinutes: z.number().check(z.minimum(0)),
      toMinutes: z.nullable(z.number().check(z.minimum(0))),
    }),
  ]),
})

export const callSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('report'),
    range: rangeSchema,
    segments: z.optional(z.literal('tier')),
  }),
  z.object({ method: z.literal('retention'), range: rangeSchema }),
  z.object({
    method: z.literal('drillDown'),
    figure: figureSchema,
    limit: z.optional(z.int().check(z.minimum(0), z.maximum(10_000))),
  }),
  z.object({ method: z.literal('status') }),
  z.object({ method: z.literal('names'), users: z.optional(ids), groups: z.optional(ids) }),
])
export type ReportCall = z.output<typeof callSchema>

/** A request's envelope; the call is checked separately so a bad call gets a `bad-request` answer. */
export const requestSchema = z.object({ ...envelope, call: z.unknown() })

export const responseSchema = z.discriminatedUnion('ok', [
  z.object({ ...envelope, ok: z.literal(true), result: z.unknown() }),
  z.object({
    ...envelope,
    ok: z.literal(false),
    error: z.object({
      code: z.enum(REPORT_SOURCE_ERROR_CODES),
      message: z.string().check(z.maxLength(2000)),
    }),
  }),
])

/** `tickets[3].via.channel` style path of a zod issue, for a bad-request message. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(call)' : out
}
