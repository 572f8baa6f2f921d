// The report source over ZAF instance messaging: a view's instance sends a request event to the
// background instance, which answers with a response event to the sender. Both carry the app's
// name, a protocol version, a request id and the sender's instance guid; anything else is not
// ours and is dropped. Payloads cross postMessage as JSON (no Maps, no undefined, no Infinity).

import { z } from 'zod'

import { CHANNELS, DRILL_KPIS, FIRST_REPLY_BUCKETS } from '@/core'

import { REPORT_SOURCE_ERROR_CODES } from './errors'

export const REPORT_PROTOCOL_VERSION = 1
export const REQUEST_EVENT = 'retention-radar.report.request'
export const RESPONSE_EVENT = 'retention-radar.report.response'

const envelope = {
  app: z.literal('retention-radar'),
  v: z.literal(REPORT_PROTOCOL_VERSION),
  id: z.string().min(1).max(200),
  /** The sending instance's guid (ZAF does not tell the receiver who triggered an event). */
  from: z.string().min(1).max(200),
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date (YYYY-MM-DD…)')
export const rangeSchema = z.object({
  from: day,
  to: day,
  timeZone: z.string().min(1).max(100).optional(),
})

const ids = z.array(z.number().int().nonnegative()).max(10_000)
const nullableId = z.number().int().nonnegative().nullable()

export const figureSchema = z.object({
  range: rangeSchema,
  period: z.enum(['current', 'previous']).optional(),
  tier: z.string().min(1).max(100).optional(),
  select: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('kpi'), kpi: z.enum(DRILL_KPIS) }),
    z.object({ kind: z.literal('channel'), channel: z.enum(CHANNELS) }),
    z.object({ kind: z.literal('day'), day }),
    z.object({
      kind: z.literal('weekdayHour'),
      weekday: z.number().int().min(0).max(6),
      hour: z.number().int().min(0).max(23),
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
      fromMinutes: z.number().finite().min(0),
      toMinutes: z.number().finite().min(0).nullable(),
    }),
  ]),
})

export const callSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('report'),
    range: rangeSchema,
    segments: z.literal('tier').optional(),
  }),
  z.object({ method: z.literal('retention'), range: rangeSchema }),
  z.object({
    method: z.literal('drillDown'),
    figure: figureSchema,
    limit: z.number().int().min(0).max(10_000).optional(),
  }),
  z.object({ method: z.literal('status') }),
  z.object({ method: z.literal('names'), users: ids.optional(), groups: ids.optional() }),
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
      message: z.string().max(2000),
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
