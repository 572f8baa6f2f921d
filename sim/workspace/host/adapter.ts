// What the workspace answers to the apps' ZAF get/set/invoke/request calls (the HostAdapter of
// protocol.ts), from the page's state and the workspace endpoints.
import { api, text, toast } from './dom'
import { resizeFrame } from './frames'
import { HostError, readPath, readRequirement } from './protocol'
import type { FrameState, HostAdapter, HostResponse } from './protocol'
import { frames, role, state, tickets } from './state'
import type { AppLocation, Ticket } from './types'
import { openNav, openTicket, renderTicket, updateTicketField } from './views'

export function locationOf(name: string): AppLocation | undefined {
  return state.config.app.locations.find((l) => l.name === name)
}

export function ticketOf(frame: FrameState): Ticket {
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

export const adapter: HostAdapter = {
  metadata: () => ({
    appId: state.config.app.appId,
    installationId: Number(state.config.app.installationId) || 0,
    name: state.config.app.name,
    version: state.config.app.version,
    settings: state.config.app.settings,
  }),
  get(path, frame) {
    if (path.startsWith('requirement:')) return readRequirement(path, state.config.requirements)
    const head = path.split('.')[0] ?? ''
    switch (head) {
      case 'currentUser':
        return readPath({ currentUser: state.config.currentUser }, path)
      case 'currentAccount':
        return readPath(
          {
            currentAccount: {
              subdomain: state.config.subdomain,
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
          const known = [state.config.scoreFieldId, ...state.config.ticketFields.map((f) => f.id)]
          if (known.some((id) => id !== null && String(id) === field)) return null
        }
        return readPath({ ticket }, path)
      }
      case 'ticketFields': {
        const t = ticketOf(frame)
        const ids = new Set([
          ...state.config.ticketFields.map((f) => f.id),
          ...(t.customFields as { id: number }[]).map((f) => f.id),
        ])
        const custom = [...ids].map((id) => {
          const known = state.config.ticketFields.find((f) => f.id === id)
          return {
            name: `custom_field_${id}`,
            label: known?.title ?? `Field ${id}`,
            type: known?.type ?? 'text',
          }
        })
        return readPath({ ticketFields: custom }, path)
      }
      case 'instances':
        return readPath({ instances: state.host.instances() }, path)
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
export async function refreshTicket(id: number): Promise<void> {
  const before = tickets.get(id)
  if (!before) return
  const { ticket } = await api<{ ticket: Ticket }>(`/workspace/api/ticket?id=${id}`)
  for (const [key, value] of Object.entries(ticket)) {
    const isField = key === 'tags' || key.startsWith('customField:')
    if (isField && JSON.stringify(before[key]) !== JSON.stringify(value)) {
      before[key] = value
      state.host.fireChange(`ticket.${key}`, value, (f) => f.context.ticketId === id)
    }
  }
  before.customFields = ticket.customFields
  before.updatedAt = ticket.updatedAt
  if (state.currentTicketId === id) renderTicket(before)
}
