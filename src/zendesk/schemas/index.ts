// zod 4 schemas of every Zendesk payload the data layer reads (docs/zendesk-api.md §2–§3). They check
// the structure the code relies on — envelopes, cursors, ids, the fields that key records — and
// leave value fields the normaliser already repairs and counts (durations, counts, channel, CSAT)
// as they are, so one odd value is a counted data-quality rule, not a failed page. Objects are
// loose: Zendesk adds fields over time, and extra keys are kept. Written with zod/mini's functions
// (see ./z.ts) so the views' bundles carry only what these schemas use.

import { z } from './z'

const id = z.int().check(z.positive())
const optionalId = z.optional(z.nullable(id))
/** A value that may be absent or null. */
const maybe = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema))

// OBJECTS

export const ticketSchema = z.looseObject({
  id,
  status: z.string(),
  created_at: z.string(),
  updated_at: maybe(z.string()),
  generated_timestamp: z.optional(z.number()),
  subject: maybe(z.string()),
  requester_id: optionalId,
  submitter_id: optionalId,
  assignee_id: optionalId,
  organization_id: optionalId,
  group_id: optionalId,
  via: maybe(z.looseObject({ channel: z.unknown() })),
  tags: z.optional(z.array(z.string())),
  satisfaction_rating: z.optional(z.unknown()),
})

export const metricSetSchema = z.looseObject({
  ticket_id: id,
  id: z.optional(z.int()),
  solved_at: maybe(z.string()),
})

export const userSchema = z.looseObject({
  id,
  name: z.string(),
  email: maybe(z.string()),
  role: z.optional(z.string()),
  organization_id: optionalId,
  tags: z.optional(z.array(z.string())),
  user_fields: z.optional(z.record(z.string(), z.unknown())),
})
export type ZendeskUser = z.infer<typeof userSchema>

export const organizationSchema = z.looseObject({
  id,
  name: z.string(),
  tags: z.optional(z.array(z.string())),
  organization_fields: z.optional(z.record(z.string(), z.unknown())),
})
export type ZendeskOrganization = z.infer<typeof organizationSchema>

export const groupSchema = z.looseObject({
  id,
  name: z.string(),
  deleted: z.optional(z.boolean()),
})

export const metricEventSchema = z.looseObject({
  id,
  ticket_id: id,
  metric: z.string(),
  type: z.string(),
  time: z.string(),
  instance_id: z.optional(z.unknown()),
  deleted: z.optional(z.boolean()),
})

// ENVELOPES

/** Sideloads any ticket list may carry (`include=metric_sets,users,organizations`). */
const sideloads = {
  metric_sets: z.optional(z.array(metricSetSchema)),
  users: z.optional(z.array(userSchema)),
  organizations: z.optional(z.array(organizationSchema)),
}

export const cursorMetaSchema = z.looseObject({
  meta: z.looseObject({
    has_more: z.boolean(),
    after_cursor: z.nullable(z.string()),
    before_cursor: maybe(z.string()),
  }),
  links: z.optional(z.looseObject({ next: maybe(z.string()), prev: maybe(z.string()) })),
})

/** `GET /api/v2/users/{id}/tickets/requested` with cursor pagination. */
export const requestedTicketsSchema = z.extend(cursorMetaSchema, {
  tickets: z.array(ticketSchema),
  ...sideloads,
})
export type RequestedTicketsPage = z.infer<typeof requestedTicketsSchema>

/** `GET /api/v2/tickets/show_many`. */
export const showManyTicketsSchema = z.looseObject({ tickets: z.array(ticketSchema), ...sideloads })
export type ShowManyTickets = z.infer<typeof showManyTicketsSchema>

export const showUserSchema = z.looseObject({ user: userSchema })
export const showManyOrganizationsSchema = z.looseObject({
  organizations: z.array(organizationSchema),
})

/** `GET /api/v2/groups` with cursor pagination. */
export const groupsPageSchema = z.extend(cursorMetaSchema, { groups: z.array(groupSchema) })
export type GroupsPage = z.infer<typeof groupsPageSchema>

/** `GET /api/v2/users?role[]=agent&role[]=admin` with cursor pagination. */
export const usersPageSchema = z.extend(cursorMetaSchema, { users: z.array(userSchema) })
export type UsersPage = z.infer<typeof usersPageSchema>

/** `GET /api/v2/search/count`. */
export const searchCountSchema = z.looseObject({ count: z.int().check(z.nonnegative()) })

/** `GET /api/v2/search/export?filter[type]=ticket`. */
export const searchExportSchema = z.extend(cursorMetaSchema, {
  results: z.array(ticketSchema),
})
export type SearchExportPage = z.infer<typeof searchExportSchema>

/** `GET /api/v2/incremental/tickets/cursor`. */
export const incrementalTicketsSchema = z.looseObject({
  tickets: z.array(ticketSchema),
  ...sideloads,
  after_cursor: z.nullable(z.string()),
  before_cursor: maybe(z.string()),
  end_of_stream: z.boolean(),
})
export type IncrementalTicketsPage = z.infer<typeof incrementalTicketsSchema>

/** `GET /api/v2/incremental/ticket_metric_events`. */
export const metricEventsSchema = z.looseObject({
  ticket_metric_events: z.array(metricEventSchema),
  end_time: z.int().check(z.nonnegative()),
  next_page: maybe(z.string()),
  count: z.optional(z.int().check(z.nonnegative())),
  end_of_stream: z.optional(z.boolean()),
})
export type MetricEventsPage = z.infer<typeof metricEventsSchema>
