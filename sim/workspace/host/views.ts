// The workspace's views: the ticket list, a ticket with the apps tray, and the nav-bar pane.
import { $, api, el, text, toast } from './dom'
import { createFrame, destroyFrame, framesAt, setVisible } from './frames'
import { locationOf } from './adapter'
import { role, state, tickets } from './state'
import type { TicketRow } from '../data'
import type { Ticket } from './types'

export function show(view: 'list' | 'ticket' | 'nav'): void {
  for (const name of ['list', 'ticket', 'nav']) $(`view-${name}`).hidden = name !== view
  const navButton = document.getElementById('nav-app-button')
  navButton?.classList.toggle('is-active', view === 'nav')
  $('nav-home').classList.toggle('is-active', view !== 'nav')
  for (const f of framesAt('nav_bar')) setVisible(f, view === 'nav')
  for (const f of framesAt('ticket_sidebar')) setVisible(f, view === 'ticket')
}

export function pushUrl(query: Record<string, string>): void {
  const next = new URLSearchParams(query)
  if (role !== 'admin') next.set('role', role)
  const url = `${window.location.pathname}${next.toString() ? `?${next.toString()}` : ''}`
  if (url !== `${window.location.pathname}${window.location.search}`)
    history.pushState(null, '', url)
}

export async function showList(): Promise<void> {
  pushUrl({})
  show('list')
  await refreshList()
}

export async function refreshList(): Promise<void> {
  const q = new URLSearchParams({
    sort: state.listState.sort,
    dir: state.listState.dir,
    offset: String(state.listState.offset),
    limit: String(state.listState.limit),
    scope: state.listState.all ? 'all' : 'unsolved',
  })
  const { total, rows, sort } = await api<{ total: number; rows: TicketRow[]; sort: string }>(
    `/workspace/api/tickets?${q.toString()}`,
  )
  state.shownSort = sort
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
  const from = total === 0 ? 0 : state.listState.offset + 1
  $('list-count').textContent =
    `${from}–${state.listState.offset + rows.length} of ${total.toLocaleString('en')}`
  $<HTMLButtonElement>('page-prev').disabled = state.listState.offset === 0
  $<HTMLButtonElement>('page-next').disabled = state.listState.offset + rows.length >= total
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-sort]')) {
    const active = b.dataset.sort === state.shownSort
    b.classList.toggle('is-sorted', active)
    b.setAttribute(
      'aria-sort',
      active ? (state.listState.dir === 'asc' ? 'ascending' : 'descending') : 'none',
    )
  }
}

export function renderTicket(ticket: Ticket): void {
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

export function updateTicketField(id: number, prop: string, value: unknown): void {
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
  if (state.currentTicketId === id) renderTicket(ticket)
  state.host.fireChange(`ticket.${prop}`, value, (f) => f.context.ticketId === id)
}

export async function submitTicket(id: number): Promise<void> {
  const ticket = tickets.get(id)
  if (!ticket) return
  const sidebars = framesAt('ticket_sidebar').filter((f) => f.state.context.ticketId === id)
  // ZAF's save hook: every app listening to ticket.save may veto the save.
  for (const f of sidebars) {
    if ((f.state.subscriptions.get('ticket.save') ?? 0) === 0) continue
    const error = await state.host.askReply(f.state, 'ticket.save')
    if (error !== null) {
      toast(`Ticket #${id} not saved: ${error}`, 'error')
      return
    }
  }
  for (const f of sidebars) state.host.send(f.state, 'ticket.submit.start', {})
  try {
    // The simulator persists tags and custom fields (status and priority stay in this page).
    const { ticket: saved } = await api<{ ticket: Ticket }>(`/workspace/api/ticket?id=${id}`, {
      method: 'PUT',
      body: JSON.stringify({ tags: ticket.tags, customFields: ticket.customFields }),
    })
    tickets.set(id, { ...saved, status: ticket.status, priority: ticket.priority })
  } catch (err) {
    for (const f of sidebars) state.host.send(f.state, 'ticket.submit.fail', {})
    toast(`Ticket #${id} not saved: ${(err as Error).message}`, 'error')
    return
  }
  for (const f of sidebars) {
    state.host.send(f.state, 'ticket.submit.done', {})
    state.host.send(f.state, 'ticket.updated', {})
  }
  toast(`Ticket #${id} updated`, 'success')
}

export function openTicket(id: number): void {
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
    const previous = state.currentTicketId
    state.currentTicketId = id
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

export function openNav(): void {
  pushUrl({ nav: '1' })
  if (framesAt('nav_bar').length === 0) {
    // Nav-bar apps load when the agent first opens them (ZAF: app.registered on first display).
    $('view-nav').hidden = false
    createFrame('nav_bar', $('nav-slot'))
  }
  show('nav')
}

export function route(): void {
  const q = new URLSearchParams(window.location.search)
  const ticket = Number(q.get('ticket'))
  if (q.get('nav') === '1') openNav()
  else if (Number.isInteger(ticket) && ticket > 0) openTicket(ticket)
  else void showList()
}
