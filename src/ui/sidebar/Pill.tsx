import type { ReactNode } from 'react'

import { glance } from './glanceStyles'
import type { PILL_HUES } from './glanceStyles'

/** The Garden hues the pills use (levels and tiers). */
export type PillHue = (typeof PILL_HUES)[number]

type PillProps = { hue: PillHue; children: ReactNode; 'data-testid'?: string }

/**
 * A small rounded label in a Garden hue (dark text on a light shade, WCAG AA). It always holds a
 * word: the colour only repeats it.
 */
export function Pill({ hue, children, 'data-testid': testId }: PillProps) {
  return (
    <span className={glance.pill} data-hue={hue} data-testid={testId}>
      {children}
    </span>
  )
}
