// The one check every change notice passes before a view acts on it: messages from another app,
// another notice version or of an unknown shape are dropped here, never half-read.

import { z } from '../schemas/z'

import { NOTICE_VERSION } from './types'
import type { ChangeNotice } from './types'

// A page holds at most 1,000 tickets; a generous cap keeps a hostile message from costing much.
const ids = z.array(z.int().check(z.nonnegative())).check(z.maxLength(100_000))

const base = {
  app: z.literal('retention-radar'),
  v: z.literal(NOTICE_VERSION),
  // zod 4 numbers are finite: NaN and ±Infinity are refused
  at: z.number(),
  from: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
}

export const changeNoticeSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('tickets'), ticketIds: ids, requesterIds: ids }),
  z.object({ ...base, kind: z.literal('slaEvents'), ticketIds: ids }),
  z.object({ ...base, kind: z.literal('people') }),
  z.object({ ...base, kind: z.literal('baseline') }),
  z.object({ ...base, kind: z.literal('syncStatus') }),
])

// Keeps the schema and the contract type in step: a drift fails the type check here.
const parsedIsNotice = (n: z.output<typeof changeNoticeSchema>): ChangeNotice => n
void parsedIsNotice

/**
 * The notice in `data`, or null when it is not one of ours (another app, another version, a
 * missing or mistyped field). Never throws.
 *
 * @example
 * parseChangeNotice({ app: 'retention-radar', v: 1, kind: 'syncStatus', at: 1 })?.kind //=> 'syncStatus'
 * parseChangeNotice({ app: 'other-app', v: 1, kind: 'syncStatus', at: 1 }) //=> null
 */
export function parseChangeNotice(data: unknown): ChangeNotice | null {
  const parsed = changeNoticeSchema.safeParse(data)
  return parsed.success ? parsed.data : null
}
