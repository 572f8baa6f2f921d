// The subset of Zendesk's search syntax the app uses, evaluated against the simulated account:
// `type:ticket|user`, `status:open`, `status<solved`, `priority>=high`, `requester:ID|email`,
// `assignee:ID|none`, `organization:ID`, `group:ID`, `via:CHANNEL`, `tags:x` (`tag:x`), `created>2026-01-01`,
// `updated<…`, `solved>…` (dates as YYYY-MM-DD, ISO timestamps or relative `7days`/`12hours`/`30minutes`),
// a leading `-` negates a term, and bare words match the subject.
import type { SimAccount, TicketView } from '../account'
import { ApiError, invalidSearch } from './errors'

export type SearchType = 'ticket' | 'user'

type Comparator = ':' | '<' | '>' | '<=' | '>='
type Term =
  | { negate: boolean; key: string; op: Comparator; value: string }
  | { negate: boolean; text: string }

export type ParsedQuery = { type: SearchType | null; terms: Term[] }

const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const
const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent'] as const
const TICKET_KEYS = new Set([
  'status',
  'priority',
  'requester',
  'requester_id',
  'assignee',
  'assignee_id',
  'organization',
  'organization_id',
  'group',
  'group_id',
  'via',
  'tags',
  'tag',
  'created',
  'updated',
  'solved',
  'ticket_type',
  'subject',
])

/** Parses a query; unsupported keys are a 400 so an app bug does not pass silently. */
export function parseQuery(query: string): ParsedQuery {
  const tokens = query.match(/-?[a-z_]+(?:<=|>=|[:<>])"[^"]*"|"[^"]*"|\S+/gi) ?? []
  let type: SearchType | null = null
  const terms: Term[] = []
  for (const raw of tokens) {
    const negate = raw.startsWith('-') && raw.length > 1
    const token = negate ? raw.slice(1) : raw
    const m = /^([a-z_]+)(<=|>=|:|<|>)(.*)$/i.exec(token)
    if (!m) {
      terms.push({ negate, text: token.replace(/^"|"$/g, '').toLowerCase() })
      continue
    }
    const key = (m[1] ?? '').toLowerCase()
    const op = m[2] as Comparator
    const value = (m[3] ?? '').replace(/^"|"$/g, '')
    if (key === 'type') {
      if (value !== 'ticket' && value !== 'user') {
        throw new ApiError(
          invalidSearch(
            400,
            `Unsupported search type '${value}' (the simulator knows ticket and user)`,
          ),
        )
      }
      type = value
      continue
    }
    if (!TICKET_KEYS.has(key) && !['email', 'role', 'name'].includes(key)) {
      throw new ApiError(invalidSearch(400, `Unsupported search term '${key}${op}${value}'`))
    }
    if (value === '') throw new ApiError(invalidSearch(400, `Empty value for '${key}'`))
    terms.push({ negate, key, op, value })
  }
  return { type, terms }
}

/** Parses a search date value relative to `now`; returns ms. */
export function parseSearchDate(value: string, now: number): number {
  const rel = /^(\d+)(minutes?|hours?|days?|weeks?|months?|years?)$/i.exec(value)
  if (rel) {
    const n = Number(rel[1])
    const unit = (rel[2] ?? '').toLowerCase().replace(/s$/, '')
    const ms = {
      minute: 60_000,
      hour: 3_600_000,
      day: 86_400_000,
      week: 604_800_000,
      month: 2_592_000_000,
      year: 31_536_000_000,
    }[unit as 'minute']
    return now - n * ms
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`)
  const t = Date.parse(value)
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(t)) return t
  throw new ApiError(invalidSearch(400, `Invalid date '${value}'`))
}

function compare(a: number, op: Comparator, b: number): boolean {
  switch (op) {
    case ':':
      return a === b
    case '<':
      return a < b
    case '>':
      return a > b
    case '<=':
      return a <= b
    case '>=':
      return a >= b
  }
}

function compareDate(ms: number, op: Comparator, value: string, now: number): boolean {
  if (Number.isNaN(ms)) return false
  const t = parseSearchDate(value, now)
  if (op === ':' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return ms >= t && ms < t + 86_400_000
  return compare(ms, op, t)
}

function idValue(account: SimAccount, value: string, isUser: boolean): number | null | undefined {
  if (value === 'none') return null
  if (/^\d+$/.test(value)) return Number(value)
  if (isUser && value.includes('@')) return account.userIdByEmail(value) ?? -1
  if (value === 'me') return account.adminId
  return undefined
}

/** Compiles a ticket predicate for the parsed terms. */
export function ticketMatcher(
  account: SimAccount,
  parsed: ParsedQuery,
): (v: TicketView) => boolean {
  const now = account.clock.now()
  const checks = parsed.terms.map(
    (term): ((v: TicketView, t: Record<string, unknown>) => boolean) => {
      let check: (v: TicketView, t: Record<string, unknown>) => boolean
      if ('text' in term) {
        const text = term.text
        check = (_v, t) => String(t.subject).toLowerCase().includes(text)
      } else {
        const { key, op, value } = term
        const ordered = (order: readonly string[], field: 'status' | 'priority') => {
          const target = order.indexOf(value)
          if (target < 0) throw new ApiError(invalidSearch(400, `Invalid ${field} '${value}'`))
          return (_v: TicketView, t: Record<string, unknown>) =>
            compare(order.indexOf(String(t[field])), op, target)
        }
        const idCheck = (field: string, isUser: boolean) => {
          const id = idValue(account, value, isUser)
          if (id === undefined)
            throw new ApiError(invalidSearch(400, `Invalid value '${value}' for ${key}`))
          return (_v: TicketView, t: Record<string, unknown>) => t[field] === id
        }
        switch (key) {
          case 'status':
            check = ordered(STATUS_ORDER, 'status')
            break
          case 'priority':
            check = ordered(PRIORITY_ORDER, 'priority')
            break
          case 'requester':
          case 'requester_id':
            check = idCheck('requester_id', true)
            break
          case 'assignee':
          case 'assignee_id':
            check = idCheck('assignee_id', true)
            break
          case 'organization':
          case 'organization_id':
            check = idCheck('organization_id', false)
            break
          case 'group':
          case 'group_id':
            check = idCheck('group_id', false)
            break
          case 'via':
            check = (_v, t) => (t.via as { channel: string }).channel === value
            break
          case 'tags':
          case 'tag':
            check = (_v, t) => (t.tags as string[]).includes(value)
            break
          case 'ticket_type':
            check = (_v, t) => t.type === value
            break
          case 'subject':
            check = (_v, t) => String(t.subject).toLowerCase().includes(value.toLowerCase())
            break
          case 'created':
            parseSearchDate(value, now)
            check = (v) => compareDate(v.lifecycle.createdMs, op, value, now)
            break
          case 'updated':
            parseSearchDate(value, now)
            check = (v) => compareDate(account.updatedMs(v), op, value, now)
            break
          case 'solved':
            parseSearchDate(value, now)
            check = (v) => compareDate(v.state.solvedMs, op, value, now)
            break
          default:
            throw new ApiError(invalidSearch(400, `Unsupported ticket search term '${key}'`))
        }
      }
      return term.negate ? (v, t) => !check(v, t) : check
    },
  )
  return (v) => {
    if (v.state.status === 'deleted') return false
    const t = account.ticketJson(v)
    return checks.every((c) => c(v, t))
  }
}

/** Compiles a user predicate (`email:`, `role:`, `organization:`, `tags:`, `name:`, bare words on the name). */
export function userMatcher(parsed: ParsedQuery): (u: Record<string, unknown>) => boolean {
  const checks = parsed.terms.map((term): ((u: Record<string, unknown>) => boolean) => {
    let check: (u: Record<string, unknown>) => boolean
    if ('text' in term) {
      const text = term.text
      check = (u) => String(u.name).toLowerCase().includes(text) || String(u.email).includes(text)
    } else {
      const { key, value } = term
      switch (key) {
        case 'email':
          check = (u) => String(u.email).toLowerCase() === value.toLowerCase()
          break
        case 'role':
          check = (u) => u.role === value
          break
        case 'organization':
        case 'organization_id':
          check = (u) => String(u.organization_id) === value
          break
        case 'tags':
        case 'tag':
          check = (u) => Array.isArray(u.tags) && (u.tags as string[]).includes(value)
          break
        case 'name':
          check = (u) => String(u.name).toLowerCase().includes(value.toLowerCase())
          break
        default:
          throw new ApiError(invalidSearch(400, `Unsupported user search term '${key}'`))
      }
    }
    return term.negate ? (u) => !check(u) : check
  })
  return (u) => checks.every((c) => c(u))
}
