// The local agent workspace: one process that runs the simulated account (in memory, manual
// clock), Zendesk's `zcli apps:server` on the built app, the apps origin in front of it, and the
// workspace page with its JSON endpoints. See docs/workspace.md.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { ApiError } from '../api/errors'
import { createManualClock } from '../clock'
import { checkTicketFieldValues } from '../custom/ticketFields'
import { startSimServer } from '../server'
import type { SimServer } from '../server'
import { buildSkeleton } from '../skeleton'
import { installedApp } from './appJson'
import type { InstalledApp } from './appJson'
import { startAppsServer } from './appsServer'
import type { AppsServer } from './appsServer'
import {
  TICKET_SORTS,
  WORKSPACE_ROLES,
  currentUser,
  listTickets,
  parseRole,
  roleUserId,
  zafTicket,
} from './data'
import type { TicketSort } from './data'
import { buildHostPage } from './hostBuild'
import { basicAuth, forward, prepareRequest } from './requests'
import { installPackageRequirements } from './installRequirements'
import type { InstalledRequirement } from './requirements'
import { PREVIEW_SETTINGS_FILE, createSettingsStore } from './settings'
import { stageApp, startZcli } from './zcli'
import type { ZcliServer } from './zcli'

export const DEFAULT_PORT = 4400
export const DEMO_ACCOUNT = { tickets: 20_000, seed: 1, end: '2026-10-31' } as const
export const SUBDOMAIN = 'retention-radar'

export type WorkspaceOptions = {
  repoRoot: string
  /** Port on 127.0.0.1 (0 = any free port). */
  port?: number
  /** Port of the apps origin on 127.0.0.1 (default 0 = any free port). */
  appsPort?: number
  tickets?: number
  seed?: number
  end?: string
  /** The gitignored settings file (default <repoRoot>/preview.settings.json). */
  settingsFile?: string
  /** Built app (default <repoRoot>/dist). */
  distDir?: string
  log?: (line: string) => void
}

export type Workspace = {
  readonly url: string
  readonly sim: SimServer
  readonly appsUrl: string
  readonly zcliUrl: string
  close: () => Promise<void>
}

type Handler = (req: http.IncomingMessage, url: URL) => Promise<Reply> | Reply
type Reply = { status?: number; json?: unknown; body?: Buffer | string; type?: string }

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return {}
  return JSON.parse(text) as unknown
}

async function freePort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Starts everything; `close()` stops it all (also on a failed start). */
export async function startWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const log = options.log ?? (() => undefined)
  const root = options.repoRoot
  const distDir = options.distDir ?? path.join(root, 'dist')
  const tickets = options.tickets ?? DEMO_ACCOUNT.tickets
  const seed = options.seed ?? DEMO_ACCOUNT.seed
  const end = options.end ?? DEMO_ACCOUNT.end
  if (!existsSync(path.join(distDir, 'manifest.json'))) {
    throw new Error(`${distDir} has no manifest.json: run npm run build first`)
  }
  const settings = createSettingsStore({
    manifestFile: path.join(distDir, 'manifest.json'),
    file: options.settingsFile ?? path.join(root, PREVIEW_SETTINGS_FILE),
  })

  // Each running workspace has its own folder, so `npm start`, e2e and screenshots can overlap.
  const runDir = path.join(root, 'tmp', 'workspace', String(process.pid))
  const removeRunDir = () => rmSync(runDir, { recursive: true, force: true })
  process.once('exit', removeRunDir)
  const closers: (() => Promise<void>)[] = [
    () => {
      process.removeListener('exit', removeRunDir)
      return Promise.resolve(removeRunDir())
    },
  ]
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined)
  }
  try {
    const hostDir = await buildHostPage({ repoRoot: root, outDir: path.join(runDir, 'host') })
    const stageDir = stageApp({
      distDir,
      stageDir: path.join(runDir, 'app'),
      settings: settings.read(),
    })
    const zcli: ZcliServer = await startZcli({
      repoRoot: root,
      stageDir,
      port: await freePort(),
      log: (line) => log(`zcli: ${line}`),
    })
    closers.push(zcli.close)
    const apps: AppsServer = await startAppsServer({
      upstream: zcli.url,
      port: options.appsPort ?? 0,
    })
    closers.push(apps.close)
    const startMs = buildSkeleton({ tickets, seed, end }).endMs
    const sim = await startSimServer({
      tickets,
      seed,
      end,
      port: 0,
      clock: createManualClock(startMs),
    })
    closers.push(sim.close)
    const account = sim.account
    // As Zendesk does on install: the package's requirements.json becomes fields and objects.
    const requirements: Record<string, InstalledRequirement> = await installPackageRequirements({
      distDir,
      simUrl: sim.url,
      auth: basicAuth(account.adminEmail, account.apiToken),
      log,
    })

    const appNow = async (): Promise<InstalledApp> => installedApp(await zcli.appJson(), apps.url)
    const authFor = (role: ReturnType<typeof parseRole>) => {
      const user = account.userJson(roleUserId(account, role), 'admin')
      return basicAuth(String(user?.email), account.apiToken)
    }
    // Where the app writes the score: the admin's setting, else the score_field requirement.
    const scoreFieldId = (s: Record<string, unknown>): number | null => {
      const value = s.scoreFieldId
      const raw =
        typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
      if (/^\d+$/.test(raw)) return Number(raw)
      const installed = requirements.score_field?.requirement_id
      return typeof installed === 'number' ? installed : null
    }

    const routes: Record<string, Handler> = {
      'GET /workspace/api/config': async (_req, url) => {
        const role = parseRole(url.searchParams.get('role'))
        const app = await appNow()
        return {
          json: {
            appsOrigin: apps.url,
            app,
            subdomain: SUBDOMAIN,
            account: { tickets, seed, end, now: new Date(account.clock.now()).toISOString() },
            roles: WORKSPACE_ROLES,
            role,
            currentUser: currentUser(account, role),
            parameters: settings.parameters(),
            requirements,
            scoreFieldId: scoreFieldId(app.settings),
            ticketFields: account.ticketFields
              .list()
              .filter((f) => !f.system)
              .map((f) => ({ id: f.id, title: f.title, type: f.type })),
          },
        }
      },
      'GET /workspace/api/tickets': async (_req, url) => {
        const q = url.searchParams
        const sortRaw = q.get('sort') ?? 'auto'
        const sort = (TICKET_SORTS as readonly string[]).includes(sortRaw)
          ? (sortRaw as TicketSort)
          : 'auto'
        const app = await appNow()
        return {
          json: listTickets(account, {
            sort,
            descending: q.get('dir') !== 'asc',
            offset: Number(q.get('offset') ?? 0) || 0,
            limit: Math.min(200, Number(q.get('limit') ?? 50) || 50),
            scope: q.get('scope') === 'all' ? 'all' : 'unsolved',
            scoreFieldId: scoreFieldId(app.settings),
          }),
        }
      },
      'GET /workspace/api/ticket': (_req, url) => {
        const id = Number(url.searchParams.get('id'))
        const view = Number.isInteger(id) ? account.ticket(id) : undefined
        if (!view || view.state.status === 'deleted') {
          return { status: 404, json: { error: `Ticket ${url.searchParams.get('id')} not found` } }
        }
        return { json: { ticket: zafTicket(account, view) } }
      },
      'PUT /workspace/api/ticket': async (req, url) => {
        const id = Number(url.searchParams.get('id'))
        const body = (await readBody(req)) as {
          tags?: string[]
          customFields?: { id: number; value: unknown }[]
        }
        // The form saves like Zendesk's: field values are checked against the account's fields.
        let customFields = body.customFields
        try {
          if (customFields)
            customFields = checkTicketFieldValues(account.ticketFields, customFields)
        } catch (err) {
          if (!(err instanceof ApiError)) throw err
          const body = err.response.body as { details?: Record<string, { description: string }[]> }
          const problems = Object.values(body.details ?? {}).flatMap((list) =>
            list.map((d) => d.description),
          )
          return { status: 422, json: { error: problems.join('; ') || 'invalid field value' } }
        }
        const ok = account.updateTicket(id, {
          ...(body.tags ? { tags: body.tags } : {}),
          ...(customFields ? { customFields } : {}),
        })
        if (!ok) return { status: 404, json: { error: `Ticket ${id} not found` } }
        const view = account.ticket(id)
        return { json: { ticket: view ? zafTicket(account, view) : null } }
      },
      'GET /workspace/api/settings': () => ({
        json: { settings: settings.read(), parameters: settings.parameters() },
      }),
      'PUT /workspace/api/settings': async (req) => {
        const body = (await readBody(req)) as { settings?: Record<string, unknown> }
        const next = settings.write(body.settings ?? {})
        zcli.updateSettings(next)
        // zcli rebuilds /app.json after it notices the manifest change; wait until it serves them.
        const deadline = Date.now() + 5000
        for (;;) {
          const app = await appNow()
          const same = Object.keys(next).every(
            (k) => JSON.stringify(app.settings[k]) === JSON.stringify(next[k]),
          )
          if (same) return { json: { settings: app.settings } }
          if (Date.now() > deadline) {
            return { status: 504, json: { error: 'zcli did not pick up the new settings' } }
          }
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      },
      // Where test scenarios reach the account's API, as its admin (sim/workspace/scenarios.ts).
      'GET /workspace/api/sim': () => ({
        json: { url: sim.url, email: account.adminEmail, token: account.apiToken },
      }),
      'GET /workspace/api/clock': () => ({
        json: { now: new Date(account.clock.now()).toISOString(), tickets: account.maxTicketId() },
      }),
      'POST /workspace/api/clock': async (req) => {
        const body = (await readBody(req)) as { minutes?: unknown }
        const minutes = Number(body.minutes)
        if (!Number.isInteger(minutes) || minutes < 0) {
          return { status: 400, json: { error: 'minutes must be a non-negative integer' } }
        }
        account.clock.advance(minutes * 60_000)
        return {
          json: {
            now: new Date(account.clock.now()).toISOString(),
            tickets: account.maxTicketId(),
          },
        }
      },
      'POST /workspace/api/request': async (req) => {
        const body = (await readBody(req)) as { role?: unknown; options?: Record<string, unknown> }
        const role = parseRole(body.role)
        const app = await appNow()
        let prepared
        try {
          prepared = prepareRequest(body.options ?? {}, {
            simUrl: sim.url,
            subdomain: SUBDOMAIN,
            auth: authFor(role),
            settings: app.settings,
          })
        } catch (err) {
          return {
            json: { status: 0, statusText: 'error', headers: {}, body: (err as Error).message },
          }
        }
        return { json: await forward(prepared) }
      },
    }

    const serveStatic = (pathname: string): Reply => {
      const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
      const file = path.resolve(hostDir, rel)
      if (!file.startsWith(hostDir) || !existsSync(file)) {
        return { status: 404, body: 'not found', type: 'text/plain' }
      }
      return {
        body: readFileSync(file),
        type: MIME[path.extname(file)] ?? 'application/octet-stream',
      }
    }

    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const handler = routes[`${req.method ?? 'GET'} ${url.pathname}`]
      const send = (reply: Reply) => {
        const status = reply.status ?? 200
        if (reply.json !== undefined) {
          res.writeHead(status, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
          })
          res.end(JSON.stringify(reply.json))
        } else {
          res.writeHead(status, {
            'content-type': reply.type ?? 'text/plain',
            'cache-control': 'no-cache',
          })
          res.end(reply.body)
        }
      }
      Promise.resolve()
        .then(() => {
          if (handler) return handler(req, url)
          if (req.method === 'GET' && !url.pathname.startsWith('/workspace/api/')) {
            return serveStatic(url.pathname)
          }
          return { status: 404, json: { error: `${req.method} ${url.pathname} not found` } }
        })
        .then(send)
        .catch((err: unknown) => {
          log(`workspace: ${req.method} ${url.pathname}: ${(err as Error).stack ?? String(err)}`)
          send({ status: 500, json: { error: (err as Error).message } })
        })
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? DEFAULT_PORT, '127.0.0.1', () => resolve())
    })
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    )
    const { port } = server.address() as AddressInfo
    return {
      url: `http://127.0.0.1:${port}`,
      sim,
      appsUrl: apps.url,
      zcliUrl: zcli.url,
      close: closeAll,
    }
  } catch (err) {
    await closeAll()
    throw err
  }
}
