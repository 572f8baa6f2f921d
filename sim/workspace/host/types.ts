// Types shared by the workspace page's modules.
import type { AppLocation, InstalledApp } from '../appJson'
import type { FrameState, HostEvent, RequirementAnswer } from './protocol'

export type { AppLocation }

export type Parameter = { name: string; type?: string; default?: unknown }
export type Config = {
  appsOrigin: string
  app: InstalledApp
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
export type Ticket = Record<string, unknown> & { id: number }

export type FrameView = {
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
export type WorkspaceDebug = {
  events: HostEvent[]
  frames: () => { guid: string; location: string; registered: boolean; failed: boolean }[]
  errors: string[]
}

declare global {
  interface Window {
    __workspace?: WorkspaceDebug
  }
}
