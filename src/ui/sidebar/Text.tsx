// The glance's text at Garden's typography sizes, as static styles. Garden's SM/MD/LG work out
// their CSS from the theme on every render of every element (about twenty in the glance), which
// made up much of the sidebar's first render; these are worked out once for the page. The app
// always renders in Garden's default theme (AppShell), whose sizes these read.
import { DEFAULT_THEME } from '@zendeskgarden/react-theming'
import styled from 'styled-components'

type Size = 'sm' | 'md' | 'lg'

/** Garden's font size, line height and weight for `size`, as static CSS. */
export const font = (size: Size, weight: 'regular' | 'semibold') => `
  font-size: ${DEFAULT_THEME.fontSizes[size]};
  line-height: ${DEFAULT_THEME.lineHeights[size]};
  font-weight: ${DEFAULT_THEME.fontWeights[weight]};
`

/** Small text (Garden's SM). */
export const SmallText = styled.div`
  ${font('sm', 'regular')}
`

/** Small bold text, for labels (Garden's SM isBold). */
export const SmallLabel = styled.div`
  ${font('sm', 'semibold')}
`

/** Body text (Garden's MD). */
export const MediumText = styled.div`
  ${font('md', 'regular')}
`

/** Bold body text (Garden's MD isBold). */
export const MediumStrong = styled.div`
  ${font('md', 'semibold')}
`

/** The requester's name (Garden's LG isBold). */
export const LargeStrong = styled.div`
  ${font('lg', 'semibold')}
`
