// The Zendesk endpoints of the simulated API, one file per concern under routes/. Each route gets the
// parsed request and the session user and returns a JSON body (or throws ApiError with Zendesk's
// error body).
import type { Route } from './routes/context'
import { CUSTOM_OBJECT_ROUTES } from './routes/customObjects'
import { EXPORT_ROUTES } from './routes/exports'
import { PEOPLE_ROUTES } from './routes/people'
import { SEARCH_ROUTES } from './routes/search'
import { TICKET_CREATE_ROUTES } from './routes/ticketCreate'
import { TICKET_FIELD_ROUTES } from './routes/ticketFields'
import { TICKET_ROUTES } from './routes/tickets'
import { USER_WRITE_ROUTES } from './routes/userWrite'

export { BODY_METHODS, roleAllows } from './routes/context'
export type { Route, RouteContext } from './routes/context'

/** Every route; the first whose method and pattern match answers. */
export const ROUTES: readonly Route[] = [
  ...PEOPLE_ROUTES,
  ...USER_WRITE_ROUTES,
  ...TICKET_ROUTES,
  ...TICKET_CREATE_ROUTES,
  ...TICKET_FIELD_ROUTES,
  ...SEARCH_ROUTES,
  ...EXPORT_ROUTES,
  ...CUSTOM_OBJECT_ROUTES,
]
