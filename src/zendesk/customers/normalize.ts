// Zendesk users, organizations and ticket extras (tags, priority) → the value model's inputs.
// Lenient and total, like src/zendesk/normalize: bad values are dropped and counted.

import { isRecord } from '@/core'
import type { CustomerOrganization, CustomerReason, FieldValue, TicketPriority } from './types'
import { TICKET_PRIORITIES } from './types'

export type CustomerReasonCounts = Partial<Record<CustomerReason, number>>

/**
 * Adds one to a data-quality rule's count.
 *
 * @example
 * countReason(reasons, 'unknownPriority') // reasons.unknownPriority === 1
 */
export function countReason(reasons: CustomerReasonCounts, reason: CustomerReason): void {
  reasons[reason] = (reasons[reason] ?? 0) + 1
}

const idOf = (v: unknown): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null

/**
 * `tags` as a list of lower-case strings. Zendesk sends an array; the spec also allows one
 * space-separated string. Anything else gives [] and counts `invalidTags`.
 *
 * @example
 * normalizeTags(['VIP_Gold', 'x'], reasons) //=> ['vip_gold', 'x']
 * normalizeTags('a b', reasons) //=> ['a', 'b']
 */
export function normalizeTags(value: unknown, reasons: CustomerReasonCounts): string[] {
  if (value === undefined || value === null) return []
  if (typeof value === 'string')
    return value
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => t.toLowerCase())
  if (!Array.isArray(value)) {
    countReason(reasons, 'invalidTags')
    return []
  }
  const out: string[] = []
  for (const t of value) if (typeof t === 'string' && t !== '') out.push(t.toLowerCase())
  if (out.length !== value.length) countReason(reasons, 'invalidTags')
  return out
}

/**
 * `user_fields` / `organization_fields` with scalar values only (nested values are dropped and
 * counted as `invalidFields`).
 *
 * @example
 * normalizeFields({ lifetime_value: 12, plan: 'growth', x: {} }, reasons) //=> { lifetime_value: 12, plan: 'growth' }
 */
export function normalizeFields(
  value: unknown,
  reasons: CustomerReasonCounts,
): Record<string, FieldValue> {
  if (value === undefined || value === null) return {}
  if (!isRecord(value)) {
    countReason(reasons, 'invalidFields')
    return {}
  }
  const out: Record<string, FieldValue> = {}
  let dropped = false
  for (const [k, v] of Object.entries(value)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      out[k] = v
    } else dropped = true
  }
  if (dropped) countReason(reasons, 'invalidFields')
  return out
}

/**
 * A ticket priority, or null when not set; unknown values are null and counted.
 *
 * @example
 * normalizePriority('HIGH', reasons) //=> 'high'
 */
export function normalizePriority(
  value: unknown,
  reasons: CustomerReasonCounts,
): TicketPriority | null {
  if (value === null || value === undefined || value === '') return null
  const p = typeof value === 'string' ? value.toLowerCase() : ''
  if ((TICKET_PRIORITIES as readonly string[]).includes(p)) return p as TicketPriority
  countReason(reasons, 'unknownPriority')
  return null
}

/** A user before its organization is joined in. */
export interface UserRecord {
  id: number
  createdAt: number | null
  organizationId: number | null
  tags: string[]
  fields: Record<string, FieldValue>
}

/**
 * A sideloaded user (admin view: `tags`, `user_fields`), or null without a valid id. The end-user
 * view has neither; the profile then has empty tags and fields.
 *
 * @example
 * normalizeUser({ id: 5, tags: ['vip_gold'], user_fields: { lifetime_value: 3000 } }, reasons)?.fields //=> { lifetime_value: 3000 }
 */
export function normalizeUser(raw: unknown, reasons: CustomerReasonCounts): UserRecord | null {
  const id = isRecord(raw) ? idOf(raw.id) : null
  if (!isRecord(raw) || id === null) {
    countReason(reasons, 'invalidUser')
    return null
  }
  const created = typeof raw.created_at === 'string' ? Date.parse(raw.created_at) : NaN
  return {
    id,
    createdAt: Number.isNaN(created) ? null : created,
    organizationId: idOf(raw.organization_id),
    tags: normalizeTags(raw.tags, reasons),
    fields: normalizeFields(raw.user_fields, reasons),
  }
}

/**
 * A sideloaded organization, or null without a valid id.
 *
 * @example
 * normalizeOrganization({ id: 9, tags: ['growth'], organization_fields: { annual_revenue: 1e6 } }, reasons)
 * //=> { id: 9, tags: ['growth'], fields: { annual_revenue: 1000000 } }
 */
export function normalizeOrganization(
  raw: unknown,
  reasons: CustomerReasonCounts,
): CustomerOrganization | null {
  const id = isRecord(raw) ? idOf(raw.id) : null
  if (!isRecord(raw) || id === null) {
    countReason(reasons, 'invalidOrganization')
    return null
  }
  return {
    id,
    tags: normalizeTags(raw.tags, reasons),
    fields: normalizeFields(raw.organization_fields, reasons),
  }
}
