import { madeOnce } from '@/core'

import { parseSettings } from '../settings'
import type { AppSettings, SettingProblem } from '../settings'
import { useRegisteredClient } from '../zaf/ClientProvider'

type Parsed = { settings: AppSettings; problems: SettingProblem[] }

// One parse per registration's settings for the whole page, not one per component that asks: a
// sidebar render has half a dozen of them, and each parse checks the time zone with `Intl`.
const parsed = new WeakMap<object, Parsed>()

/**
 * The installation settings of a registration's metadata, parsed once per settings object.
 *
 * @example
 * settingsOf(registration.metadata.settings).settings.apiBudgetShare //=> 0.5
 */
export function settingsOf(settings: Record<string, unknown>): Parsed {
  return madeOnce(parsed, settings, () => parseSettings(settings))
}

/** The installation settings from `app.registered`, parsed once per registration. */
export function useSettings(): Parsed {
  return settingsOf(useRegisteredClient().metadata.settings)
}
