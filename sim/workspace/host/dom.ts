// DOM and fetch helpers of the workspace page, and its protocol log.
import type { HostEvent } from './protocol'
import type { WorkspaceDebug } from './types'

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`workspace page: #${id} is missing`)
  return el as T
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v)
  node.append(...children)
  return node
}

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) },
  })
  const body = (await res.json()) as T & { error?: string }
  if (!res.ok) throw new Error(body.error ?? `${path}: HTTP ${res.status}`)
  return body
}

export function toast(message: string, kind = 'notice'): void {
  const item = el('div', { class: `toast toast-${kind}` }, message)
  $('toasts').append(item)
  setTimeout(() => item.remove(), 5000)
}

/** Display text for any value (objects as JSON, nothing for null/undefined). */
export function text(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

export const debug: WorkspaceDebug = { events: [], frames: () => [], errors: [] }
window.__workspace = debug

export function logEvent(event: HostEvent): void {
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
