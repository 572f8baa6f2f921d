// Users joined with their organizations, as the value model reads them. Shared by the dataset
// builder (kpi and score commands) and the account store, so both see the same profiles.

import type { StoredOrganization, StoredUser } from '@/zendesk/store/types'
import type { CustomerReasonCounts } from './normalize'
import { countReason } from './normalize'
import type { CustomerOrganization, CustomerProfile } from './types'

/**
 * One profile per user; a user whose organization is not known gets none (counted as
 * `unknownOrganization` when `reasons` is given).
 *
 * @example
 * joinProfiles([{ id: 5, organizationId: 9, ... }], new Map([[9, acme]])).get(5)?.organization?.id //=> 9
 */
export function joinProfiles(
  users: Iterable<StoredUser>,
  organizations: ReadonlyMap<number, StoredOrganization>,
  reasons?: CustomerReasonCounts,
): Map<number, CustomerProfile> {
  const profiles = new Map<number, CustomerProfile>()
  for (const u of users) {
    let organization: CustomerOrganization | null = null
    if (u.organizationId !== null) {
      const org = organizations.get(u.organizationId)
      if (org === undefined) {
        if (reasons !== undefined) countReason(reasons, 'unknownOrganization')
      } else organization = { id: org.id, tags: org.tags, fields: org.fields }
    }
    profiles.set(u.id, {
      id: u.id,
      createdAt: u.createdAt,
      tags: u.tags,
      fields: u.fields,
      organization,
    })
  }
  return profiles
}
