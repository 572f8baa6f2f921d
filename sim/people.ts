// Zendesk JSON for the generated people: users (admin and end-user views), organizations and groups.
// Users the session creates or changes (sim/sessionPeople.ts) start from the same shapes.
import type { UserRole } from './account'
import type { Json } from './entities'
import { agentName, groupName, orgName, personName } from './names'
import {
  ADMIN_ID,
  ORG_PLANS,
  type Skeleton,
  agentId,
  customerId,
  groupId,
  orgId,
  userRef,
} from './skeleton'
import { iso } from './time'

export const ADMIN_EMAIL = 'admin@retention-radar.example'

export type VipTier = 'vip_gold' | 'vip_silver'

/** Tier tag of an end user from lifetime value: gold ≥ 2,500, silver ≥ 1,000. */
export function customerTier(value: number): VipTier | null {
  if (value >= 2500) return 'vip_gold'
  if (value >= 1000) return 'vip_silver'
  return null
}

export type UserView = 'admin' | 'end-user'

/** The fields every user has, in the admin view; `email` null for users without one. */
export function baseUser(
  skeleton: Skeleton,
  id: number,
  name: string,
  email: string | null,
  role: UserRole,
  organizationId: number | null,
  createdMs: number,
  updatedMs: number,
  baseUrl: string,
): Json {
  return {
    id,
    url: `${baseUrl}/api/v2/users/${id}.json`,
    name,
    email,
    created_at: iso(createdMs),
    updated_at: iso(updatedMs),
    time_zone: 'UTC',
    iana_time_zone: 'Etc/UTC',
    shared_phone_number: false,
    locale_id: 1,
    locale: 'en-US',
    ...(organizationId === null ? {} : { organization_id: organizationId }),
    role,
    verified: true,
    external_id: null,
    tags: [] as string[],
    alias: '',
    active: true,
    shared: false,
    shared_agent: false,
    ...(role === 'end-user' ? {} : { last_login_at: iso(skeleton.endMs - 3_600_000) }),
    two_factor_auth_enabled: false,
    signature: '',
    details: '',
    notes: '',
    role_type: null,
    custom_role_id: null,
    moderator: role !== 'end-user',
    ticket_restriction: role === 'end-user' ? 'requested' : null,
    only_private_comments: false,
    restricted_agent: role === 'agent',
    suspended: false,
    report_csv: role === 'admin',
    user_fields: {},
  }
}

const END_USER_FIELDS = [
  'id',
  'url',
  'name',
  'email',
  'created_at',
  'updated_at',
  'time_zone',
  'iana_time_zone',
  'shared_phone_number',
  'locale_id',
  'locale',
  'organization_id',
  'role',
  'verified',
] as const

/** A user in the admin view (`UserForAdmin`), or undefined for an unknown id. */
export function userJson(
  skeleton: Skeleton,
  id: number,
  baseUrl: string,
  view: UserView = 'admin',
): Json | undefined {
  const ref = userRef(skeleton, id)
  if (!ref) return undefined
  let user: Json
  if (ref.kind === 'admin') {
    user = baseUser(
      skeleton,
      id,
      'Avery Admin',
      ADMIN_EMAIL,
      'admin',
      null,
      skeleton.startMs - 400 * 86_400_000,
      skeleton.startMs,
      baseUrl,
    )
    user.default_group_id = groupId(0)
  } else if (ref.kind === 'agent') {
    const name = agentName(skeleton.seed, ref.index)
    const email = `agent${ref.index + 1}@retention-radar.example`
    user = baseUser(
      skeleton,
      id,
      name,
      email,
      'agent',
      null,
      skeleton.startMs - 200 * 86_400_000,
      skeleton.startMs,
      baseUrl,
    )
    user.default_group_id = groupId(skeleton.agentGroup[ref.index] ?? 0)
  } else {
    const c = ref.index
    const name = personName(skeleton.seed, id)
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${c + 1}@customer.example`
    const org = skeleton.customerOrg[c] ?? -1
    const signup = skeleton.customerSignupMs[c] ?? skeleton.startMs
    const lastOrder = skeleton.customerLastOrderMs[c] ?? signup
    user = baseUser(
      skeleton,
      id,
      name,
      email,
      'end-user',
      org >= 0 ? orgId(org) : null,
      signup,
      Math.max(signup, lastOrder),
      baseUrl,
    )
    const value = skeleton.customerValue[c] ?? 0
    const tier = customerTier(value)
    user.tags = tier === null ? [] : [tier]
    user.user_fields = {
      lifetime_value: value,
      total_orders: skeleton.customerOrders[c] ?? 0,
      last_order_at: iso(lastOrder),
    }
  }
  return view === 'end-user' ? endUserView(user) : user
}

/** What an end user sees of a user (the admin view cut to `END_USER_FIELDS`). */
export function endUserView(user: Json): Json {
  const slim: Json = {}
  for (const key of END_USER_FIELDS) if (key in user) slim[key] = user[key]
  return slim
}

/** An organization (`OrganizationObject`) with `plan` and `annual_revenue` custom fields. */
export function organizationJson(skeleton: Skeleton, index: number, baseUrl: string): Json {
  const id = orgId(index)
  const plan = ORG_PLANS[skeleton.orgPlan[index] ?? 0] ?? 'starter'
  const name = orgName(skeleton.seed, index)
  const created = skeleton.orgCreatedMs[index] ?? skeleton.startMs
  return {
    url: `${baseUrl}/api/v2/organizations/${id}.json`,
    id,
    name,
    shared_tickets: false,
    shared_comments: false,
    external_id: null,
    created_at: iso(created),
    updated_at: iso(created),
    domain_names: [`${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`],
    details: '',
    notes: '',
    group_id: null,
    tags: [plan],
    organization_fields: { plan, annual_revenue: skeleton.orgRevenue[index] ?? 0 },
  }
}

export function groupJson(skeleton: Skeleton, index: number, baseUrl: string): Json {
  const id = groupId(index)
  return {
    url: `${baseUrl}/api/v2/groups/${id}.json`,
    id,
    name: groupName(index),
    description: '',
    default: index === 0,
    deleted: false,
    is_public: true,
    created_at: iso(skeleton.startMs - 400 * 86_400_000),
    updated_at: iso(skeleton.startMs - 400 * 86_400_000),
  }
}

/** The generated user whose email this is (lower case), or undefined. */
export function generatedUserByEmail(skeleton: Skeleton, e: string): number | undefined {
  if (e === ADMIN_EMAIL) return ADMIN_ID
  const agent = /^agent(\d+)@retention-radar\.example$/.exec(e)
  if (agent) {
    const i = Number(agent[1]) - 1
    return i >= 0 && i < skeleton.agentCount ? agentId(i) : undefined
  }
  const customer = /\.(\d+)@customer\.example$/.exec(e)
  if (customer) {
    const c = Number(customer[1]) - 1
    if (c < 0 || c >= skeleton.customerCount) return undefined
    const id = customerId(c)
    return userJson(skeleton, id, '')?.email === e ? id : undefined
  }
  return undefined
}
