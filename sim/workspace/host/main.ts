// The workspace page: a small agent workspace (ticket list, ticket view with the apps tray,
// nav-bar apps, role switch, settings panel, account clock) that hosts the app's locations in
// iframes and speaks ZAF's postMessage protocol to them through ZafHost (protocol.ts). The views,
// frames and ZAF adapter live beside it (views.ts, frames.ts, adapter.ts), sharing state.ts.
import './style.css'

import { adapter, locationOf } from './adapter'
import { $, api, el, logEvent, text, toast } from './dom'
import { createFrame } from './frames'
import { ZafHost } from './protocol'
import { frames, role, state } from './state'
import type { Config } from './types'
import { openNav, refreshList, route, showList } from './views'

state.host = new ZafHost({
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
        state.host.send(view.state, 'app.activated', { firstLoad: true })
      }
      if (view?.visible && view.location === 'nav_bar' && event.event === 'pane.activated') {
        state.host.send(view.state, 'pane.activated', {})
      }
    }
  },
})

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== state.config.appsOrigin) return
  for (const view of frames.values()) {
    if (view.iframe.contentWindow === event.source) {
      state.host.receive(view.guid, event.data)
      return
    }
  }
})

// SETTINGS, CLOCK, ROLE

function renderSettings(): void {
  const fields = state.config.parameters.map((p) => {
    const value = state.config.app.settings[p.name]
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
    for (const p of state.config.parameters) {
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
      state.listState = {
        ...state.listState,
        sort,
        dir: state.listState.sort === sort && state.listState.dir === 'desc' ? 'asc' : 'desc',
        offset: 0,
      }
      void refreshList()
    })
  }
  $('page-prev').addEventListener('click', () => {
    state.listState = {
      ...state.listState,
      offset: Math.max(0, state.listState.offset - state.listState.limit),
    }
    void refreshList()
  })
  $('page-next').addEventListener('click', () => {
    state.listState = { ...state.listState, offset: state.listState.offset + state.listState.limit }
    void refreshList()
  })
  $<HTMLInputElement>('scope-all').addEventListener('change', (e) => {
    state.listState = { ...state.listState, all: (e.target as HTMLInputElement).checked, offset: 0 }
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
    title: state.config.app.name,
    'aria-label': state.config.app.name,
  })
  if (nav.icon) button.append(el('img', { src: nav.icon, alt: '', width: '22', height: '22' }))
  else button.append(state.config.app.name.slice(0, 2))
  button.addEventListener('click', openNav)
  $('nav-apps').replaceChildren(button)
}

async function main(): Promise<void> {
  wireChrome()
  try {
    state.config = await api<Config>(`/workspace/api/config?role=${role}`)
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
  const user = state.config.currentUser as {
    name?: string
    role?: string
    customRole?: { name?: string } | null
  }
  $('account-info').textContent = `${user.name ?? ''} (${user.customRole?.name ?? user.role ?? ''})`
  $('account-summary').textContent =
    `${state.config.subdomain}: demo account of ${state.config.account.tickets.toLocaleString('en')} tickets, seed ${state.config.account.seed}, ending ${state.config.account.end}`
  $('clock-now').textContent = state.config.account.now.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')
  renderSettings()
  renderNavIcon()
  // The score column is titled after the field it reads ("Retention priority score").
  const scoreField = state.config.ticketFields.find((f) => f.id === state.config.scoreFieldId)
  if (scoreField) document.querySelector('[data-sort="score"]')?.replaceChildren(scoreField.title)
  // The background location runs from the start, as in Zendesk.
  if (locationOf('background')?.autoLoad) createFrame('background', $('background-slot'))
  route()
}

void main()
