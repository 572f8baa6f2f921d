// The installation settings of the preview: the manifest's parameter defaults, overridden by a
// local, gitignored `preview.settings.json` at the repository root (never part of dist/ or the
// package). The workspace's settings panel writes that file; the app then reloads with them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const PREVIEW_SETTINGS_FILE = 'preview.settings.json'

export type ManifestParameter = {
  name: string
  type?: string
  default?: unknown
  required?: boolean
  secure?: boolean
}

export type InstallationSettings = Record<string, unknown>

/** The manifest's parameters (name, type, default), in manifest order. */
export function readParameters(manifestFile: string): ManifestParameter[] {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    parameters?: ManifestParameter[]
  }
  return manifest.parameters ?? []
}

/**
 * Defaults merged with overrides. Unknown names are dropped (they would not exist in a real
 * installation); a value of `null` resets a setting to its default.
 */
export function mergeSettings(
  parameters: readonly ManifestParameter[],
  overrides: Record<string, unknown>,
): InstallationSettings {
  const settings: InstallationSettings = {}
  for (const p of parameters) {
    const value = overrides[p.name]
    settings[p.name] = value === undefined || value === null ? (p.default ?? '') : value
  }
  return settings
}

/** Only the values that differ from the defaults (what the settings file keeps). */
export function settingsOverrides(
  parameters: readonly ManifestParameter[],
  settings: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const p of parameters) {
    const value = settings[p.name]
    if (value !== undefined && value !== null && value !== (p.default ?? '')) out[p.name] = value
  }
  return out
}

export type SettingsStore = {
  readonly file: string
  parameters: () => ManifestParameter[]
  /** The current installation settings (defaults + the file). */
  read: () => InstallationSettings
  /** Saves new values (only those that differ from the defaults) and returns the settings. */
  write: (settings: Record<string, unknown>) => InstallationSettings
}

export function createSettingsStore(options: {
  manifestFile: string
  file: string
}): SettingsStore {
  const { manifestFile, file } = options
  const parameters = () => readParameters(manifestFile)
  const readFile = (): Record<string, unknown> => {
    if (!existsSync(file)) return {}
    const text = readFileSync(file, 'utf8')
    try {
      const parsed = JSON.parse(text) as unknown
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error('expected a JSON object of setting names to values')
      }
      return parsed as Record<string, unknown>
    } catch (err) {
      throw new Error(`${path.basename(file)}: ${(err as Error).message}`)
    }
  }
  return {
    file,
    parameters,
    read: () => mergeSettings(parameters(), readFile()),
    write(settings) {
      const params = parameters()
      const merged = mergeSettings(params, settings)
      writeFileSync(file, `${JSON.stringify(settingsOverrides(params, merged), null, 2)}\n`)
      return merged
    },
  }
}
