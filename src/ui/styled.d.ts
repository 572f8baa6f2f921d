import type { IGardenTheme } from '@zendeskgarden/react-theming'
import 'styled-components'

// Styled components in this app are themed by Garden's ThemeProvider.
declare module 'styled-components' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation needs an interface
  export interface DefaultTheme extends IGardenTheme {}
}
