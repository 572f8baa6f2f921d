// A small Zendesk account for the sidebar's tests: the open ticket as ZAF shows it, the requester's
// tickets as `GET /api/v2/users/{id}/tickets/requested.json` answers them, the shared baseline
// record, and every write the sidebar sends.
import type { ZafRequestOptions } from '@/zendesk/zaf/types'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export type Json = Record<string, unknown>

export type FakeAccount = {
  ticket: Json
  requester: Json
  organization: Json | null
  /** The requester's tickets as the API returns them (the open one included). */
  tickets: Json[]
  /** The baseline record's fields, or null for "nothing published yet". */
  baseline: Json | null
  /** A status (and headers) every history request answers with instead of the tickets. */
  historyFailure: { status: number; headers?: Record<string, string> } | null
  /** A status every ticket update answers with instead of 200. */
  writeFailure: number | null
  /** How long every answer takes, ms. */
  latencyMs: number
  requests: { method: string; url: string; body: unknown }[]
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')

/** A ticket in the API's shape, `ageMs` old. */
export function apiTicket(id: number, requesterId: number, ageMs: number, extra: Json = {}): Json {
  const created = Date.now() - ageMs
  return {
    id,
    subject: `Ticket ${id}`,
    status: 'solved',
    priority: 'normal',
    tags: [],
    requester_id: requesterId,
    organization_id: null,
    assignee_id: 501,
    group_id: 601,
    created_at: iso(created),
    updated_at: iso(created + HOUR),
    via: { channel: 'email' },
    satisfaction_rating: { score: 'unoffered' },
    ...extra,
  }
}

/** A VIP customer (lifetime value 60,000 USD) with a fresh urgent ticket and four older ones. */
export function vipAccount(): FakeAccount {
  const requester = {
    id: 42,
    name: 'Marta Puig',
    email: 'marta@example.com',
    role: 'end-user',
    created_at: '2023-02-01T10:00:00Z',
    tags: [],
    organization_id: 7,
    user_fields: { lifetime_value: 60000 },
    active: true,
    suspended: false,
  }
  const tickets = [
    apiTicket(100, 42, 20 * MINUTE, {
      status: 'open',
      priority: 'urgent',
      subject: 'Checkout fails',
      satisfaction_rating: null,
    }),
    apiTicket(90, 42, 3 * DAY, { subject: 'Invoice copy', satisfaction_rating: { score: 'good' } }),
    apiTicket(80, 42, 20 * DAY, { subject: 'Refund', satisfaction_rating: { score: 'bad' } }),
    apiTicket(70, 42, 40 * DAY, { subject: 'Login', status: 'pending' }),
    apiTicket(60, 42, 90 * DAY, { subject: 'Shipping', satisfaction_rating: { score: 'good' } }),
  ]
  return {
    ticket: zafTicket(tickets[0] as Json, requester),
    requester,
    organization: { id: 7, name: 'Acme Corp', tags: [], organization_fields: {} },
    tickets,
    baseline: null,
    historyFailure: null,
    writeFailure: null,
    latencyMs: 0,
    requests: [],
  }
}

/** The open ticket as ZAF's `get` answers it, path by path. */
export function zafTicket(ticket: Json, requester: Json | null): Json {
  return {
    'ticket.id': ticket.id,
    'ticket.subject': ticket.subject,
    'ticket.status': ticket.status,
    'ticket.priority': ticket.priority,
    'ticket.tags': ticket.tags,
    'ticket.via': ticket.via,
    'ticket.createdAt': ticket.created_at,
    'ticket.updatedAt': ticket.updated_at,
    'ticket.requester':
      requester === null
        ? null
        : { id: requester.id, name: requester.name, email: requester.email },
    'ticket.organization': null,
    'ticket.assignee': { user: { id: 501, name: 'Agent' }, group: { id: 601, name: 'Support' } },
  }
}

function complete(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { status, responseText: JSON.stringify(body), headers }
}

/** `client.request` as Zendesk's proxy answers it for `account` (rejecting non-2xx answers). */
export function zendeskProxy(account: FakeAccount) {
  return (options: ZafRequestOptions): Promise<unknown> => {
    const method = options.type ?? 'GET'
    const body: unknown =
      typeof options.data === 'string' ? JSON.parse(options.data) : (options.data ?? null)
    account.requests.push({ method, url: options.url, body })
    const answer = route(account, method, options.url, body)
    return new Promise((resolve, reject) => {
      const settle = () =>
        answer.status < 300
          ? resolve(answer)
          : reject(Object.assign(new Error(`HTTP ${answer.status}`), answer))
      if (account.latencyMs > 0) setTimeout(settle, account.latencyMs)
      else settle()
    })
  }
}

function route(account: FakeAccount, method: string, url: string, body: unknown) {
  const path = url.split('?')[0] ?? ''
  const requested = /^\/api\/v2\/users\/(\d+)\/tickets\/requested(\.json)?$/.exec(path)
  if (method === 'GET' && requested) {
    if (account.historyFailure !== null) {
      const { status, headers } = account.historyFailure
      return complete(status, { error: 'Failed' }, headers)
    }
    if (Number(requested[1]) !== account.requester.id) {
      return complete(404, { error: 'RecordNotFound', description: 'Not found' })
    }
    return complete(200, {
      tickets: account.tickets,
      users: [account.requester],
      organizations: account.organization === null ? [] : [account.organization],
      metric_sets: [],
      meta: { has_more: false, after_cursor: null, before_cursor: null },
      links: { next: null, prev: null },
    })
  }
  if (method === 'GET' && path.startsWith('/api/v2/custom_objects/retention_radar_baseline')) {
    const records =
      account.baseline === null
        ? []
        : [{ id: '1', external_id: 'account-baseline', custom_object_fields: account.baseline }]
    return complete(200, {
      custom_object_records: records,
      custom_object_record: records[0],
      meta: { has_more: false, after_cursor: null, before_cursor: null },
      links: { next: null, prev: null },
      count: records.length,
    })
  }
  const update = /^\/api\/v2\/tickets\/(\d+)(\.json)?$/.exec(path)
  if (method === 'PUT' && update) {
    if (account.writeFailure !== null) return complete(account.writeFailure, { error: 'Refused' })
    return complete(200, { ticket: { id: Number(update[1]) }, echo: body })
  }
  return complete(404, { error: 'InvalidEndpoint', description: 'Not found' })
}
