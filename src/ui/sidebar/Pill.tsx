import { DEFAULT_THEME } from '@zendeskgarden/react-theming'
import type { ReactNode } from 'react'
import styled from 'styled-components'

import { shadeOf } from './palette'
import { font } from './Text'

const HUES = ['red', 'orange', 'blue', 'grey', 'kale', 'yellow'] as const

/** The Garden hues the pills use (levels and tiers). */
export type PillHue = (typeof HUES)[number]

// One static rule per hue, worked out once for the page instead of per pill and render.
const hueRules = HUES.map(
  (hue) => `
  &[data-hue='${hue}'] {
    background: ${shadeOf(DEFAULT_THEME, hue, 200, '#e9ebed')};
    color: ${shadeOf(DEFAULT_THEME, hue, 900, '#1f2b33')};
  }`,
).join('\n')

const StyledPill = styled.span`
  display: inline-block;
  border-radius: 999px;
  padding: 2px ${DEFAULT_THEME.space.xs};
  ${font('sm', 'semibold')}
  white-space: nowrap;
  ${hueRules}
`

type PillProps = { hue: PillHue; children: ReactNode; 'data-testid'?: string }

/**
 * A small rounded label in a Garden hue (dark text on a light shade, WCAG AA). It always holds a
 * word: the colour only repeats it.
 */
export function Pill({ hue, children, 'data-testid': testId }: PillProps) {
  return (
    <StyledPill data-hue={hue} data-testid={testId}>
      {children}
    </StyledPill>
  )
}
