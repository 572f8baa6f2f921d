// Reads zcli's /app.json the way Zendesk's agent UI uses it: which locations the app has, the
// page each one loads (relative to `asset_url_prefix`), the nav-bar icon and the installation's
// settings. The prefix names zcli's own address; the workspace serves it from the apps origin.
import type { ZcliAppJson } from './zcli'

export type AppLocation = {
  name: string
  url: string
  /** Nav-bar / top-bar icon URL, when the app has one. */
  icon: string | null
  flexible: boolean
  autoLoad: boolean
}

export type InstalledApp = {
  appId: number
  installationId: number | string
  name: string
  version: string
  locations: AppLocation[]
  settings: Record<string, unknown>
}

/** Maps a zcli /app.json (first app, first installation, the `support` product) to the workspace. */
export function installedApp(appJson: ZcliAppJson, appsOrigin: string): InstalledApp {
  const app = appJson.apps[0]
  if (!app) throw new Error('zcli /app.json lists no app')
  const installation = appJson.installations.find((i) => i.app_id === app.id)
  const prefix = new URL(app.asset_url_prefix)
  const base = `${appsOrigin}${prefix.pathname}`
  const resolve = (url: string): string =>
    /^https?:\/\//.test(url) ? url : `${base}${url.replace(/^assets\//, '')}`
  const support = app.locations?.support ?? {}
  const locations = Object.entries(support).map(([name, loc]) => ({
    name,
    url: resolve(loc.url),
    icon: typeof loc.svg === 'string' ? `${base}${loc.svg}` : null,
    flexible: loc.flexible !== false,
    autoLoad: loc.autoLoad !== false,
  }))
  const settings: Record<string, unknown> = {}
  for (const entry of installation?.settings ?? []) {
    for (const [key, value] of Object.entries(entry)) if (key !== 'title') settings[key] = value
  }
  const numeric = Number(app.id)
  return {
    appId: Number.isFinite(numeric) ? numeric : 0,
    installationId: installation?.id ?? 0,
    name: app.name,
    version: app.version ?? '',
    locations,
    settings,
  }
}
