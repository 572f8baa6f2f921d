// One ticket's life, regenerated from (seed, ticket id): channel, priority, assignment, first reply,
// resolutions, reopens, pending and on-hold periods, deletion and the satisfaction survey. `stateAt`
// cuts the life at an instant (the account clock), which gives the status and metrics Zendesk would show
// then: a later clock means more replies, solves and closures, never a different past.
import { chance, intBetween, logNormal, pick, streamFor, weighted, type Rng } from './random'
import {
  BASE_RESOLUTION_HOURS,
  CHANNEL_MIX,
  CHANNELS,
  type Channel,
  channelResolutionFactor,
  type Skeleton,
} from './skeleton'
import { DAY_MS, HOUR_MS, MINUTE_MS, isBusinessHours, nextBusinessStart } from './time'

// TYPES

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type Priority = (typeof PRIORITIES)[number]
export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const
export type TicketType = (typeof TICKET_TYPES)[number]
export const TOPICS = [
  'order_status',
  'shipping',
  'returns',
  'billing',
  'account_access',
  'product_question',
  'bug_report',
  'feature_request',
] as const
export type Topic = (typeof TOPICS)[number]

export type Status = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed' | 'deleted'

/** Everything that will ever happen to a ticket (instants in ms; NaN when it never happens). */
export type Lifecycle = {
  id: number
  requester: number
  channel: Channel
  priority: Priority
  type: TicketType | null
  topic: Topic
  orderNumber: string | null
  groupIndex: number
  agentIndex: number
  /** Index of the first assignee when the ticket was reassigned, else same as agentIndex. */
  firstAgentIndex: number
  firstGroupIndex: number
  assigneeStations: number
  groupStations: number
  createdMs: number
  assignedMs: number
  firstReplyMs: number
  extraReplies: number
  firstSolveMs: number
  reopenMs: number
  finalSolveMs: number
  pendingMin: number
  pendingStartMs: number
  holdMin: number
  holdStartMs: number
  deletedMs: number
  csatOfferedMs: number
  csatRatedMs: number
  csatGood: boolean
  csatComment: string | null
  csatReason: string | null
  subjectIndex: number
}

/** The ticket as seen at one instant. */
export type TicketState = {
  status: Status
  updatedMs: number
  assigned: boolean
  replied: boolean
  replies: number
  reopens: number
  /** Solve instant that the metrics report (first solve, or the final one after a reopen), or NaN. */
  solvedMs: number
  firstSolveVisible: boolean
  csat: 'unoffered' | 'offered' | 'good' | 'bad'
}

// CONSTANTS (part of the simulator's documented model)

const REPLY_MEDIAN_MINUTES: Record<Channel, number> = {
  chat: 3,
  native_messaging: 5,
  voice: 1,
  email: 180,
  web: 150,
  api: 240,
  mobile: 120,
  twitter: 90,
  facebook: 90,
}
const PRIORITY_FACTOR: Record<Priority, number> = { urgent: 0.35, high: 0.6, normal: 1, low: 1.5 }
/** Tickets arriving outside business hours wait this much longer for a first reply. */
export const OFF_HOURS_REPLY_FACTOR = 2.5
/** …and this much longer for resolution. */
export const OFF_HOURS_RESOLUTION_FACTOR = 1.4
/** Log-space spread of a ticket's resolution around its customer's expected time. */
export const RESOLUTION_SIGMA = 0.5
/** Zendesk's default automation closes solved tickets after 4 days. */
export const CLOSE_AFTER_MS = 4 * DAY_MS

const SUBJECTS: Record<Topic, readonly string[]> = {
  order_status: ['Where is my order?', 'Order still not shipped', 'Tracking number not working'],
  shipping: ['Package arrived damaged', 'Change delivery address', 'Shipping cost question'],
  returns: ['How do I return an item?', 'Refund not received', 'Exchange for a different size'],
  billing: ['Charged twice', 'Invoice request', 'Update payment method'],
  account_access: ["Can't log in", 'Password reset email missing', 'Two-factor code not arriving'],
  product_question: [
    'Is this compatible with my model?',
    'Product availability',
    'Warranty question',
  ],
  bug_report: ['Checkout page error', 'App crashes on start', 'Discount code not applied'],
  feature_request: ['Please add gift wrapping', 'Request: dark mode', 'Subscription pause option'],
}

export function subjectOf(lifecycle: Lifecycle): string {
  const list = SUBJECTS[lifecycle.topic]
  return list[lifecycle.subjectIndex % list.length] ?? 'Support request'
}

const GOOD_COMMENTS = [
  'Thanks, quick and helpful!',
  'Great support',
  'Solved my problem',
  null,
  null,
]
const BAD_COMMENTS = ['Took far too long', 'Still not fixed', 'Nobody answered my question', null]
const BAD_REASONS = [
  'The issue took too long to resolve',
  'The issue was not resolved',
  "The agent's knowledge is unsatisfactory",
  'Some other reason',
]

function channelOf(rng: Rng, skeleton: Skeleton, requester: number, first: boolean): Channel {
  const preferred = CHANNELS[skeleton.customerChannel[requester] ?? 0] ?? 'email'
  if (first || chance(rng, 0.7)) return preferred
  return weighted(rng, CHANNEL_MIX)
}

/** Generates the full life of ticket `id` (1-based) of the skeleton. */
export function buildLifecycle(skeleton: Skeleton, id: number): Lifecycle {
  const i = id - 1
  const rng = streamFor(skeleton.seed, 'ticket', id)
  const requester = skeleton.ticketRequester[i] ?? 0
  const createdMs = skeleton.ticketCreatedMs[i] ?? skeleton.startMs
  return lifecycleFor(
    skeleton,
    rng,
    id,
    requester,
    createdMs,
    (skeleton.ticketFirstContact[i] ?? 0) === 1,
  )
}

/** Generates a lifecycle for explicit inputs (used for tickets that arrive when the clock advances). */
export function lifecycleFor(
  skeleton: Skeleton,
  rng: Rng,
  id: number,
  requester: number,
  createdMs: number,
  firstContact: boolean,
): Lifecycle {
  const channel = channelOf(rng, skeleton, requester, firstContact)
  const priority = weighted<Priority>(rng, [
    ['low', 0.2],
    ['normal', 0.55],
    ['high', 0.18],
    ['urgent', 0.07],
  ])
  const type = weighted<TicketType | null>(rng, [
    ['question', 0.45],
    ['incident', 0.3],
    ['problem', 0.08],
    ['task', 0.05],
    [null, 0.12],
  ])
  const topic = pick(rng, TOPICS)
  const orderNumber = chance(rng, 0.6)
    ? `R${String(100_000_000 + intBetween(rng, 0, 899_999_999))}`
    : null
  const groupIndex = Math.floor(rng.next() * skeleton.groupCount)
  const agentsInGroup = Math.max(
    1,
    Math.ceil((skeleton.agentCount - groupIndex) / skeleton.groupCount),
  )
  const agentIndex = groupIndex + skeleton.groupCount * Math.floor(rng.next() * agentsInGroup)
  const reassigned = chance(rng, 0.12)
  const regrouped = reassigned && chance(rng, 0.5)
  const firstGroupIndex = regrouped ? (groupIndex + 1) % skeleton.groupCount : groupIndex
  const firstAgentIndex = reassigned ? (agentIndex + 1) % skeleton.agentCount : agentIndex
  const assigneeStations = reassigned ? (chance(rng, 0.15) ? 3 : 2) : 1
  const groupStations = regrouped ? 2 : 1

  const offHours = !isBusinessHours(createdMs)
  const slowness = skeleton.customerSlowness[requester] ?? 1
  // Off-hours tickets wait, unassigned (status new), for the next business morning.
  const assignDelay = Math.round(logNormal(rng, offHours ? 25 : 4, 1.2) * MINUTE_MS)
  const assignedMs = (offHours ? nextBusinessStart(createdMs) : createdMs) + assignDelay

  // First reply: log-normal by channel and priority, slower off hours; 6 % are solved with no reply.
  const noReply = chance(rng, 0.06)
  let replyMin = logNormal(
    rng,
    REPLY_MEDIAN_MINUTES[channel] *
      PRIORITY_FACTOR[priority] *
      (offHours ? OFF_HOURS_REPLY_FACTOR : 1),
    0.9,
  )
  replyMin = Math.max(replyMin, 0.5)
  // An agent replies once the ticket is assigned.
  if (createdMs + replyMin * MINUTE_MS < assignedMs + MINUTE_MS) {
    replyMin = (assignedMs - createdMs) / MINUTE_MS + 1 + replyMin * 0.1
  }
  const firstReplyMs = noReply ? NaN : createdMs + Math.round(replyMin * MINUTE_MS)

  // Full resolution: log-normal around the customer's slowness (planted relationship).
  let resolutionMin = logNormal(
    rng,
    BASE_RESOLUTION_HOURS *
      60 *
      slowness *
      PRIORITY_FACTOR[priority] *
      (offHours ? OFF_HOURS_RESOLUTION_FACTOR : 1),
    RESOLUTION_SIGMA,
  )
  resolutionMin *= channelResolutionFactor(channel)
  const assignedMin = (assignedMs - createdMs) / MINUTE_MS
  resolutionMin = Math.max(resolutionMin, noReply ? assignedMin + 2 : replyMin + 2)
  const reopened = chance(rng, 0.05)
  // Long waits: 4 % of tickets sit pending on the customer, 1.5 % on hold, for days (a backlog that
  // holds every status at any instant).
  const longWait = rng.next()
  const longPending = !reopened && longWait < 0.04
  const longHold = !reopened && !longPending && longWait < 0.055
  const extraMin = longPending || longHold ? logNormal(rng, 5 * 1440, 0.7) : 0
  resolutionMin += extraMin
  const firstResMin = reopened
    ? Math.max(noReply ? 1 : replyMin + 0.5, resolutionMin * (0.3 + 0.4 * rng.next()))
    : resolutionMin
  const reopenGapMin = reopened ? logNormal(rng, 600, 1) : 0
  const firstSolveMs = createdMs + Math.round(firstResMin * MINUTE_MS)
  // A reopen comes at least a minute after the first solve; the final solve at least a minute later.
  const reopenMs = reopened
    ? firstSolveMs +
      Math.max(
        MINUTE_MS,
        Math.round(Math.min(reopenGapMin, resolutionMin - firstResMin) * MINUTE_MS),
      )
    : NaN
  const finalSolveMs = reopened
    ? Math.max(createdMs + Math.round(resolutionMin * MINUTE_MS), reopenMs + MINUTE_MS)
    : firstSolveMs

  // Pending (agent waits on the customer) and on-hold (waits on a third party) inside the resolution.
  const span = (finalSolveMs - createdMs) / MINUTE_MS
  const shortPending = chance(rng, 0.5) ? Math.floor(span * (0.05 + 0.3 * rng.next())) : 0
  const shortHold = chance(rng, 0.08) ? Math.floor(span * (0.05 + 0.25 * rng.next())) : 0
  const pendingMin = longPending ? Math.floor(extraMin) : longHold ? 0 : shortPending
  const holdMin = longHold ? Math.floor(extraMin) : longPending ? 0 : shortHold
  const replyAnchor = Number.isNaN(firstReplyMs) ? createdMs : firstReplyMs
  const pendingStartMs = pendingMin > 0 ? replyAnchor + MINUTE_MS : NaN
  const holdStartMs =
    holdMin > 0
      ? (pendingMin > 0 ? pendingStartMs + pendingMin * MINUTE_MS : replyAnchor) + MINUTE_MS
      : NaN

  const extraReplies = noReply
    ? 0
    : Math.floor(-Math.log(1 - rng.next()) * 1.1) + (reopened ? 1 : 0)

  // Deleted tickets (spam, duplicates) disappear a little after creation.
  const deletedMs = chance(rng, 0.006)
    ? createdMs + Math.round(logNormal(rng, 120, 1.5) * MINUTE_MS)
    : NaN

  // Satisfaction survey: offered one day after the final solve on most channels; about a third answer.
  const surveyable = channel !== 'api' && channel !== 'voice'
  const offered = surveyable && chance(rng, 0.8)
  const csatOfferedMs = offered ? finalSolveMs + DAY_MS : NaN
  const answered = offered && chance(rng, 0.35)
  const csatRatedMs = answered ? csatOfferedMs + Math.round(logNormal(rng, 6, 1.2) * HOUR_MS) : NaN
  // Slow resolution lowers the good share (about 95 % when fast, 75 % past three days).
  const resolutionHours = resolutionMin / 60
  const pGood = 0.96 - 0.2 * Math.min(1, resolutionHours / 72) - (reopened ? 0.1 : 0)
  const csatGood = chance(rng, pGood)
  const csatComment = answered ? pick(rng, csatGood ? GOOD_COMMENTS : BAD_COMMENTS) : null
  const csatReason = answered && !csatGood ? pick(rng, BAD_REASONS) : null

  return {
    id,
    requester,
    channel,
    priority,
    type,
    topic,
    orderNumber,
    groupIndex,
    agentIndex,
    firstAgentIndex,
    firstGroupIndex,
    assigneeStations,
    groupStations,
    createdMs,
    assignedMs,
    firstReplyMs,
    extraReplies,
    firstSolveMs,
    reopenMs,
    finalSolveMs,
    pendingMin,
    pendingStartMs,
    holdMin,
    holdStartMs,
    deletedMs,
    csatOfferedMs,
    csatRatedMs,
    csatGood,
    csatComment,
    csatReason,
    subjectIndex: intBetween(rng, 0, 2),
  }
}

const le = (a: number, now: number): boolean => !Number.isNaN(a) && a <= now

/** The ticket as Zendesk shows it at `now`. */
export function stateAt(lifecycle: Lifecycle, now: number): TicketState {
  const deleted = le(lifecycle.deletedMs, now)
  const cut = deleted ? lifecycle.deletedMs : now
  const replied = le(lifecycle.firstReplyMs, cut)
  const finalSolved = le(lifecycle.finalSolveMs, cut)
  const firstSolved = le(lifecycle.firstSolveMs, cut)
  const reopenedYet = le(lifecycle.reopenMs, cut)
  const reopens = reopenedYet ? 1 : 0
  let status: Status
  let solvedMs = NaN
  let updatedMs = lifecycle.createdMs
  const bump = (t: number): void => {
    if (le(t, cut) && t > updatedMs) updatedMs = t
  }
  bump(lifecycle.assignedMs)
  bump(lifecycle.firstReplyMs)
  let csat: TicketState['csat'] = 'unoffered'
  if (finalSolved || (firstSolved && !reopenedYet)) {
    solvedMs = finalSolved ? lifecycle.finalSolveMs : lifecycle.firstSolveMs
    status = le(solvedMs + CLOSE_AFTER_MS, cut) && finalSolved ? 'closed' : 'solved'
    bump(lifecycle.firstSolveMs)
    bump(lifecycle.reopenMs)
    bump(solvedMs)
    if (finalSolved) {
      if (le(lifecycle.csatRatedMs, cut)) csat = lifecycle.csatGood ? 'good' : 'bad'
      else if (le(lifecycle.csatOfferedMs, cut)) csat = 'offered'
      bump(lifecycle.csatOfferedMs)
      bump(lifecycle.csatRatedMs)
      if (status === 'closed') bump(solvedMs + CLOSE_AFTER_MS)
    }
  } else {
    bump(lifecycle.firstSolveMs)
    bump(lifecycle.reopenMs)
    const inPending =
      lifecycle.pendingMin > 0 &&
      le(lifecycle.pendingStartMs, cut) &&
      cut < lifecycle.pendingStartMs + lifecycle.pendingMin * MINUTE_MS
    const inHold =
      lifecycle.holdMin > 0 &&
      le(lifecycle.holdStartMs, cut) &&
      cut < lifecycle.holdStartMs + lifecycle.holdMin * MINUTE_MS
    // Written so that a ticket never assigned (assignedMs NaN) is new too.
    if (!(cut >= lifecycle.assignedMs)) status = 'new'
    else if (inHold) status = 'hold'
    else if (inPending) status = 'pending'
    else status = 'open'
    if (lifecycle.pendingMin > 0) {
      bump(lifecycle.pendingStartMs)
      bump(lifecycle.pendingStartMs + lifecycle.pendingMin * MINUTE_MS)
    }
    if (lifecycle.holdMin > 0) {
      bump(lifecycle.holdStartMs)
      bump(lifecycle.holdStartMs + lifecycle.holdMin * MINUTE_MS)
    }
  }
  // Replies: the first one, then the follow-ups spread over the resolution (all of them once solved).
  let replies = 0
  if (replied) {
    replies = 1
    if (lifecycle.extraReplies > 0) {
      if (finalSolved) replies += lifecycle.extraReplies
      else {
        const spanMs = Math.max(lifecycle.finalSolveMs - lifecycle.firstReplyMs, 1)
        const progress = Math.min(1, (cut - lifecycle.firstReplyMs) / spanMs)
        replies += Math.floor(lifecycle.extraReplies * progress)
      }
    }
  }
  if (deleted) {
    status = 'deleted'
    updatedMs = lifecycle.deletedMs
  }
  return {
    status,
    updatedMs,
    assigned: cut >= lifecycle.assignedMs,
    replied,
    replies,
    reopens,
    solvedMs,
    firstSolveVisible: firstSolved,
    csat,
  }
}
