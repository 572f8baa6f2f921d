// The app's iframes: creating one per location with its ZAF context, reporting pages that fail
// to load or never register, resizing, showing and hiding.
import { locationOf } from './adapter'
import { debug, el } from './dom'
import type { ZafContext } from './protocol'
import { HANDSHAKE_TIMEOUT_MS, frames, state } from './state'
import type { FrameView } from './types'

export function frameStatus(view: FrameView, text: string, isError: boolean): void {
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

export function createFrame(
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
    title: `${state.config.app.name} (${locationName})`,
    name: `app_${locationName}_${guid.slice(0, 8)}`,
    'data-location': locationName,
  })
  const wrapper = el('div', { class: `app-frame app-frame-${locationName} is-loading` })
  const context: ZafContext = {
    instanceGuid: guid,
    product: 'support',
    account: { subdomain: state.config.subdomain },
    location: locationName,
    ...extra,
  }
  const frameState = state.host.addFrame({
    guid,
    location: locationName,
    context,
    post: (message) => iframe.contentWindow?.postMessage(message, state.config.appsOrigin),
  })
  const view: FrameView = {
    guid,
    location: locationName,
    iframe,
    wrapper,
    // Created when shown (background: always running).
    visible: true,
    activatedOnce: false,
    state: frameState,
    failed: false,
  }
  frames.set(guid, view)
  frameStatus(view, `Loading ${locationName}…`, false)
  wrapper.append(iframe)
  slot.append(wrapper)
  // Zendesk heads each app in the apps tray with its name.
  if (locationName === 'ticket_sidebar')
    wrapper.before(el('div', { class: 'app-title' }, state.config.app.name))

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
      if (!frameState.registered && frames.get(guid) === view && !view.failed) {
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

export function destroyFrame(view: FrameView): void {
  state.host.removeFrame(view.guid)
  frames.delete(view.guid)
  if (view.wrapper.previousElementSibling?.classList.contains('app-title')) {
    view.wrapper.previousElementSibling.remove()
  }
  view.wrapper.remove()
}

export function resizeFrame(view: FrameView, size: { width?: unknown; height?: unknown }): void {
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

export function setVisible(view: FrameView | undefined, visible: boolean): void {
  if (!view || view.visible === visible) return
  view.visible = visible
  if (view.location === 'nav_bar')
    state.host.send(view.state, visible ? 'pane.activated' : 'pane.deactivated', {})
  state.host.send(view.state, visible ? 'app.activated' : 'app.deactivated', {})
}

export function framesAt(location: string): FrameView[] {
  return [...frames.values()].filter((f) => f.location === location)
}

debug.frames = () =>
  [...frames.values()].map((f) => ({
    guid: f.guid,
    location: f.location,
    registered: f.state.registered,
    failed: f.failed,
  }))
