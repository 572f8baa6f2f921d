// The `app.registered` payload, checked once where it arrives: the rest of the app reads a
// context and metadata whose shape is known, and a host that sends something else is named in
// one clear message instead of failing later on a missing field.
import { isRecord } from '@/core'

import type { ZafContext, ZafMetadata } from './types'

export type Registration = { context: ZafContext; metadata: ZafMetadata }

/** What was wrong with an `app.registered` payload, as one sentence. */
export type RegistrationProblem = { problem: string }

const isString = (value: unknown): value is string => typeof value === 'string'

/** The first field of the context that is missing or of the wrong type, or null. */
function contextProblem(context: Record<string, unknown>): string | null {
  for (const field of ['instanceGuid', 'product', 'location'] as const) {
    if (!isString(context[field])) return `context.${field} is not a string`
  }
  if (!isRecord(context.account) || !isString(context.account.subdomain)) {
    return 'context.account.subdomain is not a string'
  }
  if (context.ticketId !== undefined && typeof context.ticketId !== 'number') {
    return 'context.ticketId is not a number'
  }
  return null
}

/**
 * Checks the `app.registered` event data (`{context, metadata}`) and returns it typed, or the
 * problem with it. Fields the app does not read pass through unchecked.
 *
 * @example
 * parseRegistration({ context: { instanceGuid: 'g', product: 'support', location: 'nav_bar',
 *   account: { subdomain: 'acme' } }, metadata: { settings: {} } }) //=> { context, metadata }
 * parseRegistration(undefined) //=> { problem: 'app.registered: no data' }
 */
export function parseRegistration(data: unknown): Registration | RegistrationProblem {
  const fail = (problem: string) => ({ problem: `app.registered: ${problem}` })
  if (!isRecord(data)) return fail('no data')
  const { context, metadata } = data
  if (!isRecord(context)) return fail('no context')
  if (!isRecord(metadata)) return fail('no metadata')
  const problem = contextProblem(context)
  if (problem !== null) return fail(problem)
  if (!isRecord(metadata.settings)) return fail('metadata.settings is not an object')
  // Checked field by field above; the unchecked fields are optional in ZafContext/ZafMetadata.
  return { context: context as ZafContext, metadata: metadata as ZafMetadata }
}
