import styled from 'styled-components'

import { shadeOf } from './palette'

/**
 * A small rounded label in a Garden hue (dark text on a light shade, WCAG AA). It always holds a
 * word: the colour only repeats it.
 */
export const Pill = styled.span<{ $hue: string }>`
  display: inline-block;
  border-radius: 999px;
  padding: 2px ${(p) => p.theme.space.xs};
  background: ${(p) => shadeOf(p.theme, p.$hue, 200, '#e9ebed')};
  color: ${(p) => shadeOf(p.theme, p.$hue, 900, '#1f2b33')};
  font-size: ${(p) => p.theme.fontSizes.sm};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  line-height: ${(p) => p.theme.lineHeights.sm};
  white-space: nowrap;
`
