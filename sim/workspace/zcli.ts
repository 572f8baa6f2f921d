// Runs Zendesk's own dev server, `zcli apps:server`, on the built app. zcli serves GET /app.json
// (apps, their locations and asset URL prefix, installations with settings) and the static assets;
// the workspace reads /app.json to decide which locations exist and where their pages are.
//
// zcli prompts on the terminal for every manifest parameter missing from `zcli.apps.config.json`
// (defaults included), and a config file inside dist/ would break `npm run validate` / `package`.
// So zcli serves a staging folder, tmp/workspace/<pid>/app/: a copy of dist/manifest.json, symlinks to
// dist/assets and dist/translations, and a generated zcli.apps.config.json holding every setting.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { copyFileSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { InstallationSettings } from './settings'

export const PREVIEW_INSTALLATION_ID = 1

export type ZcliAppJson = {
  apps: {
    id: string
    name: string
    asset_url_prefix: string
    version?: string
    framework_version?: string
    locations?: Record<string, Record<string, { url: string; svg?: string; [k: string]: unknown }>>
  }[]
  installations: {
    app_id: string
    id: string | number
    name: string
    settings: Record<string, unknown>[]
  }[]
}

export type ZcliServer = {
  readonly url: string
  readonly stageDir: string
  appJson: () => Promise<ZcliAppJson>
  /** Rewrites zcli.apps.config.json and touches the manifest so zcli rebuilds /app.json. */
  updateSettings: (settings: InstallationSettings) => void
  close: () => Promise<void>
}

/** Prepares tmp/workspace/<pid>/app from dist/ (see the header). Returns the folder. */
export function stageApp(options: {
  distDir: string
  stageDir: string
  settings: InstallationSettings
}): string {
  const { distDir, stageDir, settings } = options
  rmSync(stageDir, { recursive: true, force: true })
  mkdirSync(stageDir, { recursive: true })
  copyFileSync(path.join(distDir, 'manifest.json'), path.join(stageDir, 'manifest.json'))
  symlinkSync(path.resolve(distDir, 'assets'), path.join(stageDir, 'assets'), 'dir')
  symlinkSync(path.resolve(distDir, 'translations'), path.join(stageDir, 'translations'), 'dir')
  writeZcliConfig(stageDir, settings)
  return stageDir
}

function writeZcliConfig(stageDir: string, settings: InstallationSettings): void {
  // zcli copies `parameters` into installations[0].settings of /app.json as they are; a fixed
  // installation id keeps metadata.installationId stable across reloads.
  const config = { installation_id: PREVIEW_INSTALLATION_ID, parameters: settings }
  writeFileSync(
    path.join(stageDir, 'zcli.apps.config.json'),
    `${JSON.stringify(config, null, 2)}\n`,
  )
}

/** The zcli binary of this repository. */
export function zcliBin(repoRoot: string): string {
  return path.join(repoRoot, 'node_modules', '.bin', 'zcli')
}

/** Starts `zcli apps:server <stageDir> --bind 127.0.0.1 --port <port>` and waits for /app.json. */
export async function startZcli(options: {
  repoRoot: string
  stageDir: string
  port: number
  log?: (line: string) => void
  timeoutMs?: number
}): Promise<ZcliServer> {
  const { repoRoot, stageDir, port, log = () => undefined, timeoutMs = 60_000 } = options
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    zcliBin(repoRoot),
    ['apps:server', stageDir, '--bind', '127.0.0.1', '--port', String(port)],
    // No stdin: if zcli ever prompts for a setting, it fails instead of waiting forever.
    { cwd: stageDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  )
  let output = ''
  let exited: string | undefined
  const collect = (chunk: Buffer) => {
    const text = chunk.toString()
    output += text
    for (const line of text.split('\n')) if (line.trim() !== '') log(line)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  // If this process exits without closing (process.exit, an uncaught error), zcli goes too.
  const killOnExit = () => child.kill('SIGTERM')
  process.once('exit', killOnExit)
  child.on('exit', (code, signal) => {
    process.removeListener('exit', killOnExit)
    exited = `zcli apps:server exited (${signal ?? `code ${code}`})`
    log(exited)
  })

  const appJson = async (): Promise<ZcliAppJson> => {
    const res = await fetch(`${url}/app.json`)
    if (!res.ok) throw new Error(`zcli ${url}/app.json answered ${res.status}`)
    return (await res.json()) as ZcliAppJson
  }

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (exited !== undefined) throw new Error(`${exited}:\n${output.trim()}`)
    if (/Enter .* setting\./.test(output)) {
      await stopChild(child)
      throw new Error(`zcli asked for a setting on the terminal:\n${output.trim()}`)
    }
    try {
      await appJson()
      break
    } catch {
      if (Date.now() > deadline) {
        await stopChild(child)
        throw new Error(
          `zcli apps:server did not answer on ${url} within ${timeoutMs} ms:\n${output}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  return {
    url,
    stageDir,
    appJson,
    updateSettings(settings) {
      writeZcliConfig(stageDir, settings)
      // zcli watches the folder for manifest.json changes and rebuilds /app.json then. The
      // manifest is replaced by a rename, so zcli never reads a missing or half-written file.
      const manifest = path.join(stageDir, 'manifest.json')
      copyFileSync(manifest, `${manifest}.next`)
      renameSync(`${manifest}.next`, manifest)
    },
    close: () => stopChild(child),
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
    }, 3000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
