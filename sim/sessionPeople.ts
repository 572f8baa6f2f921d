// People the session adds or changes through the API: end users created with `POST /api/v2/users` (or
// as a ticket's new requester), and changes to any user — name, phone, tags, user fields, suspension and
// soft deletion. The generated people stay as generated; their JSON gets the changes laid over it.
import type { Json } from './entities'
import { baseUser, endUserView } from './people'
import { type Skeleton, customerId } from './skeleton'
import { iso } from './time'

/** A new end user, already validated. `email` null = no email identity (an anonymous requester). */
export type NewUser = {
  name: string
  email: string | null
  phone: string | null
  verified: boolean
  tags: string[]
  externalId: string | null
  userFields: Record<string, unknown>
}

/** What `PUT /api/v2/users/{id}` changes (already validated). */
export type UserChanges = {
  name?: string
  phone?: string | null
  suspended?: boolean
  tags?: string[]
  /** Merged into the user's fields; null clears one. */
  userFields?: Record<string, unknown>
}

type Patch = UserChanges & { deletedMs?: number; updatedMs: number }
type Created = NewUser & { id: number; createdMs: number }

export type SessionPeople = {
  /** Creates an end user and returns its id (ids follow the generated end users). */
  create: (user: NewUser) => number
  /** True for a user created in the session. */
  isCreated: (id: number) => boolean
  /** Ids of the users created in the session, in id order. */
  createdIds: () => number[]
  /** Active created user with this email (lower case), or undefined. */
  idByEmail: (email: string) => number | undefined
  change: (id: number, changes: UserChanges) => void
  /** Soft delete: the user stays readable with `active: false`. */
  remove: (id: number) => void
  isDeleted: (id: number) => boolean
  isSuspended: (id: number) => boolean
  /**
   * The user's JSON: `generated` (the admin view of a generated user) or the created user, with the
   * session's changes laid over it; undefined for an id neither knows.
   */
  json: (
    id: number,
    generated: Json | undefined,
    view: 'admin' | 'end-user',
    baseUrl: string,
  ) => Json | undefined
}

/**
 * The session's people for an account.
 *
 * @example
 * const people = createSessionPeople(skeleton, () => clock.now())
 * const id = people.create({ name: 'Caller +1 555 0100', email: null, phone: '+15550100', verified: false, tags: [], externalId: null, userFields: {} })
 * people.json(id, undefined, 'admin', base)?.email // null
 */
export function createSessionPeople(skeleton: Skeleton, now: () => number): SessionPeople {
  const created = new Map<number, Created>()
  const patches = new Map<number, Patch>()
  const byEmail = new Map<string, number>()

  const patch = (id: number, changes: UserChanges & { deletedMs?: number }): void => {
    const previous = patches.get(id)
    const userFields =
      changes.userFields === undefined
        ? previous?.userFields
        : { ...previous?.userFields, ...changes.userFields }
    patches.set(id, {
      ...previous,
      ...changes,
      ...(userFields === undefined ? {} : { userFields }),
      updatedMs: now(),
    })
  }

  const createdJson = (u: Created, baseUrl: string): Json => {
    const user = baseUser(
      skeleton,
      u.id,
      u.name,
      u.email,
      'end-user',
      null,
      u.createdMs,
      u.createdMs,
      baseUrl,
    )
    user.verified = u.verified
    user.tags = [...u.tags]
    user.external_id = u.externalId
    user.user_fields = { ...u.userFields }
    if (u.phone !== null) user.phone = u.phone
    return user
  }

  return {
    create(user) {
      const id = customerId(skeleton.customerCount + created.size)
      created.set(id, { ...user, id, createdMs: now() })
      if (user.email !== null) byEmail.set(user.email.toLowerCase(), id)
      return id
    },
    isCreated: (id) => created.has(id),
    createdIds: () => [...created.keys()],
    idByEmail(email) {
      const id = byEmail.get(email.toLowerCase())
      return id !== undefined && patches.get(id)?.deletedMs === undefined ? id : undefined
    },
    change: (id, changes) => patch(id, changes),
    remove(id) {
      patch(id, { deletedMs: now() })
      // A deleted user's email is free again: a new contact from it creates a new user.
      for (const [email, owner] of byEmail) if (owner === id) byEmail.delete(email)
    },
    isDeleted: (id) => patches.get(id)?.deletedMs !== undefined,
    isSuspended: (id) => patches.get(id)?.suspended === true,
    json(id, generated, view, baseUrl) {
      const own = created.get(id)
      const user = own ? createdJson(own, baseUrl) : generated
      if (!user) return undefined
      const p = patches.get(id)
      if (p) {
        if (p.name !== undefined) user.name = p.name
        if (p.phone !== undefined) {
          if (p.phone === null) delete user.phone
          else user.phone = p.phone
        }
        if (p.suspended !== undefined) user.suspended = p.suspended
        if (p.tags !== undefined) user.tags = [...p.tags]
        if (p.userFields !== undefined) {
          const fields: Json = { ...(user.user_fields as Json), ...p.userFields }
          for (const [k, v] of Object.entries(fields)) if (v === null) delete fields[k]
          user.user_fields = fields
        }
        if (p.deletedMs !== undefined) user.active = false
        user.updated_at = iso(Math.max(Date.parse(String(user.updated_at)), p.updatedMs))
      }
      return view === 'end-user' ? endUserView(user) : user
    },
  }
}
