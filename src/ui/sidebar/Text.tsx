// The glance's text at Garden's typography sizes (SM, MD, LG), as plain elements with the glance
// style sheet's classes (glanceStyles.ts): no styling work at render time.
import type { ComponentPropsWithoutRef } from 'react'

import { glance } from './glanceStyles'

type DivProps = Omit<ComponentPropsWithoutRef<'div'>, 'className'>

const text = (className: string, name: string) => {
  const Text = (props: DivProps) => <div {...props} className={className} />
  Text.displayName = name
  return Text
}

/** Small text (Garden's SM). */
export const SmallText = text(glance.smallText, 'SmallText')

/** Small bold text, for labels (Garden's SM isBold). */
export const SmallLabel = text(glance.smallLabel, 'SmallLabel')

/** Body text (Garden's MD). */
export const MediumText = text(glance.mediumText, 'MediumText')

/** Bold body text (Garden's MD isBold). */
export const MediumStrong = text(glance.mediumStrong, 'MediumStrong')

/** The requester's name (Garden's LG isBold). */
export const LargeStrong = text(glance.largeStrong, 'LargeStrong')
