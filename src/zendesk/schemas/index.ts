// zod 4 schemas of every Zendesk payload the data layer reads (docs/zendesk-api.md §2–§3). They check
// the structure the code relies on — envelopes, cursors, ids, the fields that key records — and
// leave value fields the normaliser already repairs and counts (durations, counts, channel, CSAT)
// as they are, so one odd value is a counted data-quality rule, not a failed page. Objects are
// loose: Zendesk adds fields over time, and extra keys are kept.

import { z } from 'zod'

const id = z.int().positive()
const optionalId = id.nullable().optional()

// OBJECTS

export const ticketSchema = z.looseObject({
  id,
  status: z.string(),
  created_at: z.string(),
  updated_at: z.string().nullable().optional(),
  generated_timestamp: z.number().optional(),
  subject: z.string().nullable().optional(),
  requester_id: optionalId,
  submitter_id: optionalId,
  assignee_id: optionalId,
  organization_id: optionalId,
  group_id: optionalId,
  via: z.looseObject({ channel: z.unknown() }).nullable().optional(),
  tags: z.array(z.string()).optional(),
  satisfaction_rating: z.unknown().optional(),
})

export const metricSetSchema = z.looseObject({
  ticket_id: id,
  id: z.int().optional(),
  solved_at: z.string().nullable().optional(),
})

export const userSchema = z.looseObject({
  id,
  name: z.string(),
  email: z.string().nullable().optional(),
  role: z.string().optional(),
  organization_id: optionalId,
  tags: z.array(z.string()).optional(),
  user_fields: z.record(z.string(), z.unknown()).optional(),
})
export type ZendeskUser = z.infer<typeof userSchema>

export const organizationSchema = z.looseObject({
  id,
  name: z.string(),
  tags: z.array(z.string()).optional(),
  organization_fields: z.record(z.string(), z.unknown()).optional(),
})
export type ZendeskOrganization = z.infer<typeof organizationSchema>

export const groupSchema = z.looseObject({
  id,
  name: z.string(),
  deleted: z.boolean().optional(),
})

export const metricEventSchema = z.looseObject({
  id,
  ticket_id: id,
  metric: z.string(),
  type: z.string(),
  time: z.string(),
  instance_id: z.unknown().optional(),
  deleted: z.boolean().optional(),
})

// ENVELOPES

/** Sideloads any ticket list may carry (`include=metric_sets,users,organizations`). */
const sideloads = {
  metric_sets: z.array(metricSetSchema).optional(),
  users: z.array(userSchema).optional(),
  organizations: z.array(organizationSchema).optional(),
}

export const cursorMetaSchema = z.looseObject({
  meta: z.looseObject({
    has_more: z.boolean(),
    after_cursor: z.string().nullable(),
    before_cursor: z.string().nullable().optional(),
  }),
  links: z
    .looseObject({ next: z.string().nullable().optional(), prev: z.string().nullable().optional() })
    .optional(),
})

/** `GET /api/v2/users/{id}/tickets/requested` with cursor pagination. */
export const requestedTicketsSchema = cursorMetaSchema.extend({
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
export const groupsPageSchema = cursorMetaSchema.extend({ groups: z.array(groupSchema) })
export type GroupsPage = z.infer<typeof groupsPageSchema>

/** `GET /api/v2/users?role[]=agent&role[]=admin` with cursor pagination. */
export const usersPageSchema = cursorMetaSchema.extend({ users: z.array(userSchema) })
export type UsersPage = z.infer<typeof usersPageSchema>

/** `GET /api/v2/search/count`. */
export const searchCountSchema = z.looseObject({ count: z.int().nonnegative() })

/** `GET /api/v2/search/export?filter[type]=ticket`. */
export const searchExportSchema = cursorMetaSchema.extend({
  results: z.array(ticketSchema),
})
export type SearchExportPage = z.infer<typeof searchExportSchema>

/** `GET /api/v2/incremental/tickets/cursor`. */
export const incrementalTicketsSchema = z.looseObject({
  tickets: z.array(ticketSchema),
  ...sideloads,
  after_cursor: z.string().nullable(),
  before_cursor: z.string().nullable().optional(),
  end_of_stream: z.boolean(),
})
export type IncrementalTicketsPage = z.infer<typeof incrementalTicketsSchema>

/** `GET /api/v2/incremental/ticket_metric_events`. */
export const metricEventsSchema = z.looseObject({
  ticket_metric_events: z.array(metricEventSchema),
  end_time: z.int().nonnegative(),
  next_page: z.string().nullable().optional(),
  count: z.int().nonnegative().optional(),
  end_of_stream: z.boolean().optional(),
})
export type MetricEventsPage = z.infer<typeof metricEventsSchema>
