// The workspace page: a small agent workspace (ticket list, ticket view with the apps tray,
// nav-bar apps, role switch, settings panel, account clock) that hosts the app's locations in
// iframes and speaks ZAF's postMessage protocol to them through ZafHost (protocol.ts).
import './style.css'

import { HostError, ZafHost, readPath, readRequirement } from './protocol'
import type {
  FrameState,
  HostAdapter,
  HostEvent,
  HostResponse,
  RequirementAnswer,
  ZafContext,
} from './protocol'

// TYPES

type AppLocation = {
  name: string
  url: string
  icon: string | null
  flexible: boolean
  autoLoad: boolean
}
type Parameter = { name: string; type?: string; default?: unknown }
type Config = {
  appsOrigin: string
  app: {
    appId: number
    installationId: number | string
    name: string
    version: string
    locations: AppLocation[]
    settings: Record<string, unknown>
  }
  subdomain: string
  account: { tickets: number; seed: number; end: string; now: string }
  roles: string[]
  role: string
  currentUser: Record<string, unknown>
  parameters: Parameter[]
  /** Installed from the package's requirements.json: key → `requirement:<key>` answer. */
  requirements: Record<string, RequirementAnswer>
  /** The field the list's score column reads (the setting, else the score_field requirement). */
  scoreFieldId: number | null
  ticketFields: { id: number; title: string; type: string }[]
}
type Ticket = Record<string, unknown> & { id: number }
type Row = {
  id: number
  subject: string
  status: string
  priority: string | null
  requester: string
  updatedAt: string
  score: number | null
}

type FrameView = {
  guid: string
  location: string
  iframe: HTMLIFrameElement
  wrapper: HTMLElement
  visible: boolean
  activatedOnce: boolean
  state: FrameState
  failed: boolean
}

/** What e2e tests and curious developers can read from the console. */
type WorkspaceDebug = {
  events: HostEvent[]
  frames: () => { guid: string; location: string; registered: boolean; failed: boolean }[]
  errors: string[]
}

declare global {
  interface Window {
    __workspace?: WorkspaceDebug
  }
}

// HELPERS

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`workspace page: #${id} is missing`)
  return el as T
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v)
  node.append(...children)
  return node
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) },
  })
  const body = (await res.json()) as T & { error?: string }
  if (!res.ok) throw new Error(body.error ?? `${path}: HTTP ${res.status}`)
  return body
}

function toast(message: string, kind = 'notice'): void {
  const item = el('div', { class: `toast toast-${kind}` }, message)
  $('toasts').append(item)
  setTimeout(() => item.remove(), 5000)
}

/** Display text for any value (objects as JSON, nothing for null/undefined). */
function text(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

const debug: WorkspaceDebug = { events: [], frames: () => [], errors: [] }
window.__workspace = debug

function logEvent(event: HostEvent): void {
  debug.events.push(event)
  const list = $('protocol-log')
  const text =
    event.kind === 'call'
      ? `${event.guid.slice(0, 8)} ${event.request} ${event.names.join(', ')}${event.errors.length ? ` (errors: ${event.errors.join(', ')})` : ''}`
      : event.kind === 'request'
        ? `${event.guid.slice(0, 8)} ${event.key} ${event.url} → ${event.status}`
        : event.kind === 'subscribed'
          ? `${event.guid.slice(0, 8)} on ${event.event} (${event.count})`
          : event.kind === 'trigger'
            ? `${event.from.slice(0, 8)} trigger ${event.event} → ${event.to.map((g) => g.slice(0, 8)).join(', ') || 'nobody'}`
            : event.kind === 'registered'
              ? `${event.guid.slice(0, 8)} registered`
              : `${event.guid.slice(0, 8)} unknown message ${JSON.stringify(event.message).slice(0, 120)}`
  list.prepend(el('li', {}, text))
  while (list.children.length > 200) list.lastElementChild?.remove()
}

// STATE

const params = new URLSearchParams(window.location.search)
const role = ['admin', 'lead', 'agent'].includes(params.get('role') ?? '')
  ? (params.get('role') as string)
  : 'admin'
let config: Config
const tickets = new Map<number, Ticket>()
const frames = new Map<string, FrameView>()
let currentTicketId: number | null = null
// Sort `auto` (until the agent picks a column): the server orders by the priority score once any
// listed ticket has one, else by the latest update; `shownSort` is the order it used.
let listState = { sort: 'auto', dir: 'desc', offset: 0, limit: 50, all: false }
let shownSort = 'updated'

/** How long a loaded page may take to handshake before the workspace reports it (`?handshakeTimeoutMs=`). */
const HANDSHAKE_TIMEOUT_MS = Number(params.get('handshakeTimeoutMs')) || 15_000

// ZAF ADAPTER

function locationOf(name: string): AppLocation | undefined {
  return config.app.locations.find((l) => l.name === name)
}

function ticketOf(frame: FrameState): Ticket {
  const id = frame.context.ticketId
  const ticket = id === undefined ? undefined : tickets.get(id)
  if (!ticket) {
    throw new HostError(
      `"ticket" is not available in the ${frame.location} location`,
      'NotAvailable',
    )
  }
  return ticket
}

const adapter: HostAdapter = {
  metadata: () => ({
    appId: config.app.appId,
    installationId: Number(config.app.installationId) || 0,
    name: config.app.name,
    version: config.app.version,
    settings: config.app.settings,
  }),
  get(path, frame) {
    if (path.startsWith('requirement:')) return readRequirement(path, config.requirements)
    const head = path.split('.')[0] ?? ''
    switch (head) {
      case 'currentUser':
        return readPath({ currentUser: config.currentUser }, path)
      case 'currentAccount':
        return readPath(
          {
            currentAccount: {
              subdomain: config.subdomain,
              planName: 'enterprise',
              timeZone: { ianaName: 'Etc/UTC', name: 'UTC' },
            },
          },
          path,
        )
      case 'ticket': {
        const ticket = ticketOf(frame)
        // Fields of the account (the score field among them) exist before the app writes a
        // value to this ticket: Zendesk answers null for them, not an error.
        const field = /^ticket\.customField:custom_field_(\d+)$/.exec(path)?.[1]
        if (field !== undefined && !(path.slice('ticket.'.length) in ticket)) {
          const known = [config.scoreFieldId, ...config.ticketFields.map((f) => f.id)]
          if (known.some((id) => id !== null && String(id) === field)) return null
        }
        return readPath({ ticket }, path)
      }
      case 'ticketFields': {
        const t = ticketOf(frame)
        const ids = new Set([
          ...config.ticketFields.map((f) => f.id),
          ...(t.customFields as { id: number }[]).map((f) => f.id),
        ])
        const custom = [...ids].map((id) => {
          const known = config.ticketFields.find((f) => f.id === id)
          return {
            name: `custom_field_${id}`,
            label: known?.title ?? `Field ${id}`,
            type: known?.type ?? 'text',
          }
        })
        return readPath({ ticketFields: custom }, path)
      }
      case 'instances':
        return readPath({ instances: host.instances() }, path)
      case 'viewport':
        return readPath(
          { viewport: { size: { width: window.innerWidth, height: window.innerHeight } } },
          path,
        )
      default:
        throw new HostError(`Could not find handler for: "${path}"`, 'NotFound')
    }
  },
  set(path, value, frame) {
    const ticket = ticketOf(frame)
    const prop = path.replace(/^ticket\./, '')
    const editable = ['subject', 'status', 'priority', 'type', 'tags']
    if (
      !path.startsWith('ticket.') ||
      (!editable.includes(prop) && !prop.startsWith('customField:'))
    ) {
      throw new HostError(`Could not find a setter for: "${path}"`, 'NotFound')
    }
    updateTicketField(ticket.id, prop, value)
    return value
  },
  invoke(action, args, frame) {
    const view = frames.get(frame.guid)
    switch (action) {
      case 'resize': {
        const size = (args[0] ?? {}) as { width?: unknown; height?: unknown }
        if (view) resizeFrame(view, size)
        return null
      }
      case 'notify': {
        const kind = typeof args[1] === 'string' ? args[1] : 'notice'
        toast(text(args[0]), kind)
        return null
      }
      case 'routeTo': {
        const [where, id] = args
        if (where === 'ticket') {
          openTicket(Number(id))
        } else if (where === 'nav_bar') {
          openNav()
        } else {
          throw new HostError(`routeTo "${String(where)}" is not part of the local workspace`)
        }
        return null
      }
      case 'track':
      case 'preloadPane':
      case 'popover':
      case 'appsTray.show':
      case 'appsTray.hide':
        return null
      case 'ticket.tags.add':
      case 'ticket.tags.remove': {
        const ticket = ticketOf(frame)
        const given = (Array.isArray(args[0]) ? args[0] : args).map(String)
        const tags = new Set(ticket.tags as string[])
        for (const tag of given) {
          if (action === 'ticket.tags.add') tags.add(tag)
          else tags.delete(tag)
        }
        updateTicketField(ticket.id, 'tags', [...tags])
        return null
      }
      default:
        throw new HostError(`Could not find handler for action: "${action}"`, 'NotFound')
    }
  },
  async request(options) {
    const response = await api<HostResponse>('/workspace/api/request', {
      method: 'POST',
      body: JSON.stringify({ role, options }),
    })
    // A ticket the agent has open that an app changed through the API shows the change at once.
    const method = typeof options.type === 'string' ? options.type.toUpperCase() : 'GET'
    const changed = /\/api\/v2\/tickets\/(\d+)(\.json)?(\?|$)/.exec(text(options.url))?.[1]
    if (method !== 'GET' && changed !== undefined && response.status < 300) {
      void refreshTicket(Number(changed))
    }
    return response
  },
}

/** Reloads an open ticket from the simulator and fires change events for what differs. */
async function refreshTicket(id: number): Promise<void> {
  const before = tickets.get(id)
  if (!before) return
  const { ticket } = await api<{ ticket: Ticket }>(`/workspace/api/ticket?id=${id}`)
  for (const [key, value] of Object.entries(ticket)) {
    const isField = key === 'tags' || key.startsWith('customField:')
    if (isField && JSON.stringify(before[key]) !== JSON.stringify(value)) {
      before[key] = value
      host.fireChange(`ticket.${key}`, value, (f) => f.context.ticketId === id)
    }
  }
  before.customFields = ticket.customFields
  before.updatedAt = ticket.updatedAt
  if (currentTicketId === id) renderTicket(before)
}

const host = new ZafHost({
  adapter,
  onEvent(event) {
    logEvent(event)
    if (event.kind === 'registered') {
      const view = frames.get(event.guid)
      if (view) {
        view.wrapper.classList.remove('is-loading')
        view.wrapper.querySelector('.frame-status')?.remove()
      }
    }
    if (event.kind === 'subscribed' && event.count > 0) {
      // app.activated / pane.activated for a shown frame, once the app listens for them.
      const view = frames.get(event.guid)
      if (view?.visible && !view.activatedOnce && event.event === 'app.activated') {
        view.activatedOnce = true
        host.send(view.state, 'app.activated', { firstLoad: true })
      }
      if (view?.visible && view.location === 'nav_bar' && event.event === 'pane.activated') {
        host.send(view.state, 'pane.activated', {})
      }
    }
  },
})

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== config.appsOrigin) return
  for (const view of frames.values()) {
    if (view.iframe.contentWindow === event.source) {
      host.receive(view.guid, event.data)
      return
    }
  }
})

// FRAMES

function frameStatus(view: FrameView, text: string, isError: boolean): void {
  view.wrapper.querySelector('.frame-status')?.remove()
  const box = el(
    'div',
    { class: `frame-status${isError ? ' is-error' : ''}`, ...(isError ? { role: 'alert' } : {}) },
    text,
  )
  view.wrapper.prepend(box)
  if (isError) {
    view.failed = true
    view.wrapper.classList.remove('is-loading')
    view.wrapper.classList.add('has-error')
    debug.errors.push(`${view.location}: ${text}`)
  }
}

function createFrame(
  locationName: string,
  slot: HTMLElement,
  extra: Partial<ZafContext> = {},
): FrameView | null {
  const location = locationOf(locationName)
  if (!location) return null
  const guid = crypto.randomUUID()
  const src = `${location.url}?origin=${encodeURIComponent(window.location.origin)}&app_guid=${guid}`
  const iframe = el('iframe', {
    src,
    title: `${config.app.name} (${locationName})`,
    name: `app_${locationName}_${guid.slice(0, 8)}`,
    'data-location': locationName,
  })
  const wrapper = el('div', { class: `app-frame app-frame-${locationName} is-loading` })
  const context: ZafContext = {
    instanceGuid: guid,
    product: 'support',
    account: { subdomain: config.subdomain },
    location: locationName,
    ...extra,
  }
  const state = host.addFrame({
    guid,
    location: locationName,
    context,
    post: (message) => iframe.contentWindow?.postMessage(message, config.appsOrigin),
  })
  const view: FrameView = {
    guid,
    location: locationName,
    iframe,
    wrapper,
    // Created when shown (background: always running).
    visible: true,
    activatedOnce: false,
    state,
    failed: false,
  }
  frames.set(guid, view)
  frameStatus(view, `Loading ${locationName}…`, false)
  wrapper.append(iframe)
  slot.append(wrapper)
  // Zendesk heads each app in the apps tray with its name.
  if (locationName === 'ticket_sidebar')
    wrapper.before(el('div', { class: 'app-title' }, config.app.name))

  // A page that does not exist or an SDK that never says hello must show up, not leave a blank pane.
  fetch(location.url, { cache: 'no-store' })
    .then((res) => {
      if (!res.ok)
        frameStatus(
          view,
          `${locationName} failed to load: HTTP ${res.status} for ${location.url}`,
          true,
        )
    })
    .catch((err: unknown) => {
      frameStatus(
        view,
        `${locationName} failed to load: ${(err as Error).message} (${location.url})`,
        true,
      )
    })
  iframe.addEventListener('load', () => {
    setTimeout(() => {
      if (!state.registered && frames.get(guid) === view && !view.failed) {
        frameStatus(
          view,
          `${locationName} loaded but did not register with the workspace within ${HANDSHAKE_TIMEOUT_MS / 1000} s (no iframe.handshake: is the ZAF SDK script loading? see the browser console)`,
          true,
        )
      }
    }, HANDSHAKE_TIMEOUT_MS)
  })
  return view
}

function destroyFrame(view: FrameView): void {
  host.removeFrame(view.guid)
  frames.delete(view.guid)
  if (view.wrapper.previousElementSibling?.classList.contains('app-title')) {
    view.wrapper.previousElementSibling.remove()
  }
  view.wrapper.remove()
}

function resizeFrame(view: FrameView, size: { width?: unknown; height?: unknown }): void {
  const css = (v: unknown): string | null =>
    typeof v === 'number'
      ? `${v}px`
      : typeof v === 'string' && /^\d+(\.\d+)?(px|%)?$/.test(v)
        ? /\d$/.test(v)
          ? `${v}px`
          : v
        : null
  const height = css(size.height)
  if (height) view.iframe.style.height = height
  // Sidebar apps live in the 320 px tray; other locations keep their pane's width.
  if (view.location !== 'ticket_sidebar') {
    const width = css(size.width)
    if (width) view.iframe.style.width = width
  }
}

function setVisible(view: FrameView | undefined, visible: boolean): void {
  if (!view || view.visible === visible) return
  view.visible = visible
  if (view.location === 'nav_bar')
    host.send(view.state, visible ? 'pane.activated' : 'pane.deactivated', {})
  host.send(view.state, visible ? 'app.activated' : 'app.deactivated', {})
}

function framesAt(location: string): FrameView[] {
  return [...frames.values()].filter((f) => f.location === location)
}

debug.frames = () =>
  [...frames.values()].map((f) => ({
    guid: f.guid,
    location: f.location,
    registered: f.state.registered,
    failed: f.failed,
  }))

// VIEWS

function show(view: 'list' | 'ticket' | 'nav'): void {
  for (const name of ['list', 'ticket', 'nav']) $(`view-${name}`).hidden = name !== view
  const navButton = document.getElementById('nav-app-button')
  navButton?.classList.toggle('is-active', view === 'nav')
  $('nav-home').classList.toggle('is-active', view !== 'nav')
  for (const f of framesAt('nav_bar')) setVisible(f, view === 'nav')
  for (const f of framesAt('ticket_sidebar')) setVisible(f, view === 'ticket')
}

function pushUrl(query: Record<string, string>): void {
  const next = new URLSearchParams(query)
  if (role !== 'admin') next.set('role', role)
  const url = `${window.location.pathname}${next.toString() ? `?${next.toString()}` : ''}`
  if (url !== `${window.location.pathname}${window.location.search}`)
    history.pushState(null, '', url)
}

async function showList(): Promise<void> {
  pushUrl({})
  show('list')
  await refreshList()
}

async function refreshList(): Promise<void> {
  const q = new URLSearchParams({
    sort: listState.sort,
    dir: listState.dir,
    offset: String(listState.offset),
    limit: String(listState.limit),
    scope: listState.all ? 'all' : 'unsolved',
  })
  const { total, rows, sort } = await api<{ total: number; rows: Row[]; sort: string }>(
    `/workspace/api/tickets?${q.toString()}`,
  )
  shownSort = sort
  const body = $('ticket-rows')
  body.replaceChildren(
    ...rows.map((r) => {
      const link = el(
        'a',
        {
          href: `?ticket=${r.id}${role === 'admin' ? '' : `&role=${role}`}`,
          'data-ticket': String(r.id),
        },
        r.subject || `#${r.id}`,
      )
      link.addEventListener('click', (e) => {
        e.preventDefault()
        openTicket(r.id)
      })
      return el(
        'tr',
        {},
        el('td', {}, `#${r.id}`),
        el('td', {}, link),
        el('td', {}, r.requester),
        el('td', {}, el('span', { class: `status status-${r.status}` }, r.status)),
        el('td', {}, r.priority ?? '—'),
        el('td', { class: 'num' }, r.score === null ? '—' : String(r.score)),
        el('td', {}, r.updatedAt.replace('T', ' ').replace('Z', '')),
      )
    }),
  )
  const from = total === 0 ? 0 : listState.offset + 1
  $('list-count').textContent =
    `${from}–${listState.offset + rows.length} of ${total.toLocaleString('en')}`
  $<HTMLButtonElement>('page-prev').disabled = listState.offset === 0
  $<HTMLButtonElement>('page-next').disabled = listState.offset + rows.length >= total
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-sort]')) {
    const active = b.dataset.sort === shownSort
    b.classList.toggle('is-sorted', active)
    b.setAttribute(
      'aria-sort',
      active ? (listState.dir === 'asc' ? 'ascending' : 'descending') : 'none',
    )
  }
}

function renderTicket(ticket: Ticket): void {
  const requester = (ticket.requester ?? {}) as { name?: string; email?: string }
  const assignee = (ticket.assignee ?? {}) as {
    user?: { name?: string } | null
    group?: { name?: string } | null
  }
  const select = (prop: string, options: string[]) => {
    const s = el('select', { 'data-field': prop, 'aria-label': prop })
    for (const o of options) s.append(el('option', { value: o }, o))
    s.value = text(ticket[prop])
    s.addEventListener('change', () => updateTicketField(ticket.id, prop, s.value))
    return s
  }
  const fields = (ticket.customFields as { id: number; value: unknown }[]).map((f) =>
    el('li', {}, el('code', {}, `custom_field_${f.id}`), ' ', text(f.value) || '—'),
  )
  const submit = el('button', { type: 'button', class: 'primary' }, 'Submit')
  submit.addEventListener('click', () => void submitTicket(ticket.id))
  const back = el('button', { type: 'button' }, '← Tickets')
  back.addEventListener('click', () => void showList())
  $('ticket-main').replaceChildren(
    el('div', { class: 'ticket-toolbar' }, back, el('span', { class: 'spacer' }), submit),
    el('h1', { id: 'ticket-subject' }, `#${ticket.id} ${text(ticket.subject)}`),
    el(
      'dl',
      { class: 'ticket-props' },
      el('dt', {}, 'Requester'),
      el('dd', {}, `${requester.name ?? '—'} <${requester.email ?? '—'}>`),
      el('dt', {}, 'Assignee'),
      el(
        'dd',
        {},
        [assignee.user?.name, assignee.group?.name].filter(Boolean).join(' · ') || 'Unassigned',
      ),
      el('dt', {}, 'Status'),
      el('dd', {}, select('status', ['new', 'open', 'pending', 'hold', 'solved', 'closed'])),
      el('dt', {}, 'Priority'),
      el('dd', {}, select('priority', ['low', 'normal', 'high', 'urgent'])),
      el('dt', {}, 'Tags'),
      el('dd', {}, (ticket.tags as string[]).join(', ') || '—'),
      el('dt', {}, 'Fields'),
      el('dd', {}, el('ul', { class: 'fields' }, ...fields)),
    ),
    el('div', { class: 'description' }, text(ticket.description)),
  )
}

function updateTicketField(id: number, prop: string, value: unknown): void {
  const ticket = tickets.get(id)
  if (!ticket) return
  if (prop.startsWith('customField:')) {
    const fieldId = Number(prop.replace('customField:custom_field_', ''))
    const list = ticket.customFields as { id: number; value: unknown }[]
    const existing = list.find((f) => f.id === fieldId)
    if (existing) existing.value = value
    else list.push({ id: fieldId, value })
  }
  ticket[prop] = value
  ticket.dirty = true
  if (currentTicketId === id) renderTicket(ticket)
  host.fireChange(`ticket.${prop}`, value, (f) => f.context.ticketId === id)
}

async function submitTicket(id: number): Promise<void> {
  const ticket = tickets.get(id)
  if (!ticket) return
  const sidebars = framesAt('ticket_sidebar').filter((f) => f.state.context.ticketId === id)
  // ZAF's save hook: every app listening to ticket.save may veto the save.
  for (const f of sidebars) {
    if ((f.state.subscriptions.get('ticket.save') ?? 0) === 0) continue
    const error = await host.askReply(f.state, 'ticket.save')
    if (error !== null) {
      toast(`Ticket #${id} not saved: ${error}`, 'error')
      return
    }
  }
  for (const f of sidebars) host.send(f.state, 'ticket.submit.start', {})
  try {
    // The simulator persists tags and custom fields (status and priority stay in this page).
    const { ticket: saved } = await api<{ ticket: Ticket }>(`/workspace/api/ticket?id=${id}`, {
      method: 'PUT',
      body: JSON.stringify({ tags: ticket.tags, customFields: ticket.customFields }),
    })
    tickets.set(id, { ...saved, status: ticket.status, priority: ticket.priority })
  } catch (err) {
    for (const f of sidebars) host.send(f.state, 'ticket.submit.fail', {})
    toast(`Ticket #${id} not saved: ${(err as Error).message}`, 'error')
    return
  }
  for (const f of sidebars) {
    host.send(f.state, 'ticket.submit.done', {})
    host.send(f.state, 'ticket.updated', {})
  }
  toast(`Ticket #${id} updated`, 'success')
}

function openTicket(id: number): void {
  void (async () => {
    pushUrl({ ticket: String(id) })
    show('ticket')
    $('ticket-main').replaceChildren(el('p', {}, `Loading ticket #${id}…`))
    let ticket: Ticket
    try {
      ticket = (await api<{ ticket: Ticket }>(`/workspace/api/ticket?id=${id}`)).ticket
    } catch (err) {
      $('ticket-main').replaceChildren(
        el('p', { role: 'alert', class: 'error' }, (err as Error).message),
      )
      for (const f of framesAt('ticket_sidebar')) destroyFrame(f)
      return
    }
    tickets.set(id, ticket)
    const previous = currentTicketId
    currentTicketId = id
    renderTicket(ticket)
    const existing = framesAt('ticket_sidebar')
    if (previous === id && existing.length > 0) return
    for (const f of existing) destroyFrame(f)
    const sidebar = locationOf('ticket_sidebar')
    if (!sidebar?.autoLoad) {
      // autoLoad: false locations only open through the instances API (not emulated).
      $('sidebar-slot').replaceChildren(
        el(
          'p',
          { class: 'hint' },
          sidebar
            ? 'The ticket_sidebar location has autoLoad: false.'
            : 'The app has no ticket_sidebar location.',
        ),
      )
      return
    }
    createFrame('ticket_sidebar', $('sidebar-slot'), { ticketId: id })
  })()
}

function openNav(): void {
  pushUrl({ nav: '1' })
  if (framesAt('nav_bar').length === 0) {
    // Nav-bar apps load when the agent first opens them (ZAF: app.registered on first display).
    $('view-nav').hidden = false
    createFrame('nav_bar', $('nav-slot'))
  }
  show('nav')
}

function route(): void {
  const q = new URLSearchParams(window.location.search)
  const ticket = Number(q.get('ticket'))
  if (q.get('nav') === '1') openNav()
  else if (Number.isInteger(ticket) && ticket > 0) openTicket(ticket)
  else void showList()
}

// SETTINGS, CLOCK, ROLE

function renderSettings(): void {
  const fields = config.parameters.map((p) => {
    const value = config.app.settings[p.name]
    const id = `setting-${p.name}`
    const input =
      p.type === 'checkbox'
        ? el('input', { type: 'checkbox', id, name: p.name })
        : el('input', {
            type: p.type === 'number' ? 'number' : 'text',
            id,
            name: p.name,
            step: 'any',
          })
    if (input.type === 'checkbox') input.checked = value === true || value === 'true'
    else input.value = text(value)
    const def = p.default === undefined ? '' : ` (default ${JSON.stringify(p.default)})`
    return el(
      'div',
      { class: 'setting' },
      el('label', { for: id }, p.name, el('small', {}, def)),
      input,
    )
  })
  $('settings-fields').replaceChildren(...fields)
}

async function saveSettings(reset: boolean): Promise<void> {
  const values: Record<string, unknown> = {}
  if (!reset) {
    for (const p of config.parameters) {
      const input = document.getElementById(`setting-${p.name}`) as HTMLInputElement | null
      if (!input) continue
      values[p.name] =
        p.type === 'checkbox'
          ? input.checked
          : p.type === 'number' && input.value !== ''
            ? Number(input.value)
            : input.value
    }
  }
  await api('/workspace/api/settings', {
    method: 'PUT',
    body: JSON.stringify({ settings: values }),
  })
  // Zendesk reloads an app when its installation settings change; so does the workspace.
  window.location.reload()
}

async function advanceClock(minutes: number): Promise<void> {
  const { now } = await api<{ now: string }>('/workspace/api/clock', {
    method: 'POST',
    body: JSON.stringify({ minutes }),
  })
  $('clock-now').textContent = now.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')
  if (!$('view-list').hidden) await refreshList()
}

function wireChrome(): void {
  $('nav-home').addEventListener('click', () => void showList())
  const select = $<HTMLSelectElement>('role-select')
  select.value = role
  select.addEventListener('change', () => {
    const q = new URLSearchParams(window.location.search)
    q.set('role', select.value)
    window.location.search = q.toString()
  })
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-advance]')) {
    b.addEventListener('click', () => void advanceClock(Number(b.dataset.advance)))
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-sort]')) {
    b.addEventListener('click', () => {
      const sort = b.dataset.sort ?? 'updated'
      listState = {
        ...listState,
        sort,
        dir: listState.sort === sort && listState.dir === 'desc' ? 'asc' : 'desc',
        offset: 0,
      }
      void refreshList()
    })
  }
  $('page-prev').addEventListener('click', () => {
    listState = { ...listState, offset: Math.max(0, listState.offset - listState.limit) }
    void refreshList()
  })
  $('page-next').addEventListener('click', () => {
    listState = { ...listState, offset: listState.offset + listState.limit }
    void refreshList()
  })
  $<HTMLInputElement>('scope-all').addEventListener('change', (e) => {
    listState = { ...listState, all: (e.target as HTMLInputElement).checked, offset: 0 }
    void refreshList()
  })
  const panel = $('settings-panel')
  const toggle = $('settings-toggle')
  const setOpen = (open: boolean) => {
    panel.hidden = !open
    toggle.setAttribute('aria-expanded', String(open))
  }
  toggle.addEventListener('click', () => setOpen(panel.hidden))
  $('settings-close').addEventListener('click', () => setOpen(false))
  $('settings-form').addEventListener('submit', (e) => {
    e.preventDefault()
    void saveSettings(false).catch((err: unknown) => toast((err as Error).message, 'error'))
  })
  $('settings-reset').addEventListener('click', () => {
    void saveSettings(true).catch((err: unknown) => toast((err as Error).message, 'error'))
  })
  window.addEventListener('popstate', route)
}

function renderNavIcon(): void {
  const nav = locationOf('nav_bar')
  if (!nav) return
  const button = el('button', {
    type: 'button',
    class: 'rail-button',
    id: 'nav-app-button',
    title: config.app.name,
    'aria-label': config.app.name,
  })
  if (nav.icon) button.append(el('img', { src: nav.icon, alt: '', width: '22', height: '22' }))
  else button.append(config.app.name.slice(0, 2))
  button.addEventListener('click', openNav)
  $('nav-apps').replaceChildren(button)
}

async function main(): Promise<void> {
  wireChrome()
  try {
    config = await api<Config>(`/workspace/api/config?role=${role}`)
  } catch (err) {
    $('main').replaceChildren(
      el(
        'p',
        { role: 'alert', class: 'error' },
        `Workspace failed to start: ${(err as Error).message}`,
      ),
    )
    return
  }
  const user = config.currentUser as {
    name?: string
    role?: string
    customRole?: { name?: string } | null
  }
  $('account-info').textContent = `${user.name ?? ''} (${user.customRole?.name ?? user.role ?? ''})`
  $('account-summary').textContent =
    `${config.subdomain}: demo account of ${config.account.tickets.toLocaleString('en')} tickets, seed ${config.account.seed}, ending ${config.account.end}`
  $('clock-now').textContent = config.account.now.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')
  renderSettings()
  renderNavIcon()
  // The score column is titled after the field it reads ("Retention priority score").
  const scoreField = config.ticketFields.find((f) => f.id === config.scoreFieldId)
  if (scoreField) document.querySelector('[data-sort="score"]')?.replaceChildren(scoreField.title)
  // The background location runs from the start, as in Zendesk.
  if (locationOf('background')?.autoLoad) createFrame('background', $('background-slot'))
  route()
}

void main()
