// The workspace's install step: reads the built package's requirements.json (dist/requirements.json,
// copied there by the build) and installs it into the simulated account over its HTTP API, as the
// admin. A package without requirements.json installs nothing, as on Zendesk.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import {
  type AdminCall,
  type InstalledRequirement,
  installRequirements,
  parseRequirements,
} from './requirements'

/** Calls the simulator at `simUrl` with the given Authorization header. */
export function httpAdminCall(simUrl: string, auth: string): AdminCall {
  return async (method, apiPath, body) => {
    const res = await fetch(`${simUrl}${apiPath}`, {
      method,
      headers: {
        Authorization: auth,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    let parsed: unknown = null
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown)
    } catch {
      parsed = text
    }
    return { status: res.status, body: parsed }
  }
}

export async function installPackageRequirements(options: {
  distDir: string
  simUrl: string
  auth: string
  log: (line: string) => void
}): Promise<Record<string, InstalledRequirement>> {
  const file = path.join(options.distDir, 'requirements.json')
  if (!existsSync(file)) {
    options.log(`requirements: ${file} does not exist; nothing installed`)
    return {}
  }
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`)
  }
  const installed = await installRequirements(
    httpAdminCall(options.simUrl, options.auth),
    parseRequirements(raw, file),
  )
  for (const r of Object.values(installed))
    options.log(`requirements: ${r.identifier} → ${r.requirement_type} ${String(r.requirement_id)}`)
  return installed
}
