// Each requester's contact times, kept once per account version so the value model's per-customer
// inputs (how many contacts, first and last) as of any instant are a binary search, not a walk over
// every ticket.

/** Requester id → the `createdAt` (epoch ms) of each of their tickets, ascending. */
export type RequesterContacts = ReadonlyMap<number, Float64Array>

/** What the engagement estimate reads of a customer's history as of an instant. */
export interface ContactSummary {
  /** Tickets created up to the instant. */
  count: number
  /** Earliest and latest of them (epoch ms); Infinity and -Infinity without any. */
  first: number
  last: number
}

/**
 * Groups ticket creation times by requester (tickets without a requester are left out) and sorts
 * each list, so `contactsAsOf` can answer for any instant.
 *
 * @example
 * const contacts = requesterContacts([{ requesterId: 7, createdAt: 20 }, { requesterId: 7, createdAt: 10 }])
 * contacts.get(7) //=> Float64Array [10, 20]
 */
export function requesterContacts(
  tickets: Iterable<{ requesterId: number | null; createdAt: number }>,
): RequesterContacts {
  const lists = new Map<number, number[]>()
  for (const { requesterId, createdAt } of tickets) {
    if (requesterId === null) continue
    const list = lists.get(requesterId)
    if (list === undefined) lists.set(requesterId, [createdAt])
    else list.push(createdAt)
  }
  const out = new Map<number, Float64Array>()
  for (const [id, list] of lists) out.set(id, Float64Array.from(list).sort())
  return out
}

/**
 * The contacts in `times` (ascending) created before `asOf`, or up to and including it when
 * `inclusive`. Not-a-number times never count, as in a walk over the tickets.
 *
 * @example
 * contactsAsOf(Float64Array.of(10, 20, 30), 30) //=> { count: 2, first: 10, last: 20 }
 */
export function contactsAsOf(
  times: Float64Array | undefined,
  asOf: number,
  inclusive = false,
): ContactSummary {
  if (times === undefined || times.length === 0)
    return { count: 0, first: Infinity, last: -Infinity }
  // first index whose time is past the cut (typed-array sort puts NaN last, so it is never counted)
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const t = times[mid] as number
    if (inclusive ? t <= asOf : t < asOf) lo = mid + 1
    else hi = mid
  }
  return lo === 0
    ? { count: 0, first: Infinity, last: -Infinity }
    : { count: lo, first: times[0] as number, last: times[lo - 1] as number }
}
