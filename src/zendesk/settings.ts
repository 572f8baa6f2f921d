import manifest from '../../manifest.json'
import { isValidTimeZone, TIER_MODES } from '@/core'
import type { ValueModelSettingsSource } from '@/core'
import type { TranslationKey, TranslationParams } from '../i18n/translate'

// Installation settings arrive in `metadata.settings`, often as strings. The manifest's
// `parameters` are the single source of their names and defaults; this module parses them into
// typed values and reports every bad value (falling back to the default, never crashing).

type TierMode = ValueModelSettingsSource['tierMode']

/** Every installation setting, typed: the value model's settings and those only the app reads. */
export type AppSettings = ValueModelSettingsSource & {
  /** Custom ticket field the score is written to; null = the `score_field` requirement's field. */
  scoreFieldId: number | null
  /** Whether the sidebar writes the priority score into the score field. */
  writeScoreField: boolean
  /** Whether the sidebar adds the `retention_tier_<tier>` tag to the ticket. */
  addTierTag: boolean
  kpiRoles: string[]
  apiBudgetShare: number
  slaWarningMinutes: number
  timeZone: string
  syncEnabled: boolean
}

export type SettingName = keyof AppSettings

export type SettingProblem = {
  setting: SettingName
  messageKey: TranslationKey
  params: TranslationParams
}

type Problem = Omit<SettingProblem, 'setting'>
type Parsed<T> = { value: T } | { problem: Problem }

function fail(messageKey: TranslationKey, params: TranslationParams): { problem: Problem } {
  return { problem: { messageKey, params } }
}

function text(raw: unknown, fallback: string): { value: string } {
  return {
    value: typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : fallback,
  }
}

function numberIn(min: number, max: number) {
  return (raw: unknown, fallback: number): Parsed<number> => {
    if (raw === undefined || raw === null || raw === '') return { value: fallback }
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN
    if (!Number.isFinite(value)) {
      return fail('settings.notANumber', {
        value: JSON.stringify(raw).replace(/^"|"$/g, ''),
        fallback,
      })
    }
    if (value < min || value > max)
      return fail('settings.outOfRange', { min, max, value, fallback })
    return { value }
  }
}

function checkbox(raw: unknown, fallback: boolean): { value: boolean } {
  if (typeof raw === 'boolean') return { value: raw }
  if (raw === 'true' || raw === 'false') return { value: raw === 'true' }
  return { value: fallback }
}

const PARSERS = {
  valueField: text,
  valueCurrency: (raw, fallback) => {
    const value = text(raw, fallback).value.toUpperCase()
    return /^[A-Z]{3}$/.test(value) ? { value } : fail('settings.badCurrency', { value, fallback })
  },
  tierMode: (raw, fallback) => {
    const value = text(raw, fallback).value.toLowerCase()
    return (TIER_MODES as readonly string[]).includes(value)
      ? { value: value as TierMode }
      : fail('settings.unknownOption', { options: TIER_MODES.join(', '), value, fallback })
  },
  tierPlatinumMin: numberIn(0, Number.MAX_SAFE_INTEGER),
  tierGoldMin: numberIn(0, Number.MAX_SAFE_INTEGER),
  tierSilverMin: numberIn(0, Number.MAX_SAFE_INTEGER),
  churnTag: text,
  weightValue: numberIn(0, 100),
  weightChurn: numberIn(0, 100),
  weightUrgency: numberIn(0, 100),
  weightPriority: numberIn(0, 100),
  weightRepeat: numberIn(0, 100),
  weightChannel: numberIn(0, 100),
  weightEffort: numberIn(0, 100),
  scoreFieldId: (raw, _fallback): Parsed<number | null> => {
    const value = text(raw, '').value
    if (value === '') return { value: null }
    return /^\d+$/.test(value)
      ? { value: Number(value) }
      : fail('settings.notANumber', { value, fallback: '—' })
  },
  writeScoreField: checkbox,
  addTierTag: checkbox,
  kpiRoles: (raw, fallback) => {
    const roles = text(raw, '')
      .value.split(',')
      .map((role) => role.trim())
      .filter((role) => role !== '')
    return { value: roles.length > 0 ? roles : fallback }
  },
  apiBudgetShare: numberIn(1, 50),
  slaWarningMinutes: numberIn(1, 1440),
  timeZone: (raw, fallback) => {
    const value = text(raw, fallback).value || fallback
    // the core keeps one formatter per valid zone, so a zone is checked with Intl once per page
    return isValidTimeZone(value) ? { value } : fail('settings.badTimeZone', { value, fallback })
  },
  syncEnabled: checkbox,
} satisfies {
  [K in SettingName]: (raw: unknown, fallback: AppSettings[K]) => Parsed<AppSettings[K]>
}

type ManifestParameter = { name: string; type: string; default?: unknown }

/** Defaults as the manifest declares them, parsed like any other value. */
export const DEFAULT_SETTINGS: AppSettings = parseSettings({}).settings

/**
 * Parses `metadata.settings`. Every setting gets a typed value: a missing one its manifest
 * default, a bad one the default plus a problem naming the setting and what was wrong.
 */
export function parseSettings(raw: Record<string, unknown>): {
  settings: AppSettings
  problems: SettingProblem[]
} {
  const parameters = manifest.parameters as ManifestParameter[]
  const settings: Partial<Record<SettingName, unknown>> = {}
  const problems: SettingProblem[] = []
  for (const name of Object.keys(PARSERS) as SettingName[]) {
    const declared = parameters.find((p) => p.name === name)
    const parse = PARSERS[name] as (raw: unknown, fallback: unknown) => Parsed<unknown>
    const fallbackResult = parse(declared?.default, undefined)
    const fallback = 'value' in fallbackResult ? fallbackResult.value : undefined
    const result = parse(raw[name], fallback)
    if ('value' in result) {
      settings[name] = result.value
    } else {
      settings[name] = fallback
      problems.push({ ...result.problem, setting: name })
    }
  }
  return { settings: settings as AppSettings, problems }
}
