import { DEFAULT_THEME } from '@zendeskgarden/react-theming'
import { render, screen } from '@testing-library/react'

import { shadeOf } from '@/ui/sidebar/palette'
import { glance, glanceCss, installGlanceStyles, PILL_HUES } from '@/ui/sidebar/glanceStyles'
import { Pill } from '@/ui/sidebar/Pill'
import { LargeStrong, SmallText } from '@/ui/sidebar/Text'

/** The declarations of the rule whose selector is exactly `selector`. */
function ruleOf(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`)
  expect(start).toBeGreaterThanOrEqual(0)
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start))
  return Object.fromEntries(
    body
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '')
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
  )
}

describe('the glance style sheet', () => {
  const css = glanceCss()

  it("uses Garden's typography for each text size (as SM, MD, LG and XXL isBold render)", () => {
    const { fontSizes, lineHeights, fontWeights } = DEFAULT_THEME
    expect(ruleOf(css, `.${glance.smallText}`)).toEqual({
      'font-size': fontSizes.sm,
      'line-height': lineHeights.sm,
      'font-weight': String(fontWeights.regular),
    })
    expect(ruleOf(css, `.${glance.mediumStrong}`)).toMatchObject({
      'font-size': fontSizes.md,
      'font-weight': String(fontWeights.semibold),
    })
    expect(ruleOf(css, `.${glance.largeStrong}`)).toMatchObject({ 'font-size': fontSizes.lg })
    expect(ruleOf(css, `.${glance.score}`)).toEqual({
      'font-size': fontSizes.xxl,
      'line-height': lineHeights.xxl,
      'font-weight': String(fontWeights.semibold),
    })
  })

  it("gives every pill hue Garden's light shade with its dark text", () => {
    for (const hue of PILL_HUES) {
      expect(ruleOf(css, `.${glance.pill}[data-hue='${hue}']`)).toEqual({
        background: shadeOf(DEFAULT_THEME, hue, 200, 'missing'),
        color: shadeOf(DEFAULT_THEME, hue, 900, 'missing'),
      })
    }
    expect(css).not.toContain('missing')
  })

  it("spaces the sidebar with the theme's spacing", () => {
    expect(ruleOf(css, `.${glance.sidebar}`)).toMatchObject({
      gap: DEFAULT_THEME.space.sm,
      padding: DEFAULT_THEME.space.xs,
    })
  })

  it('is installed once per document', () => {
    installGlanceStyles()
    installGlanceStyles()
    const sheets = document.head.querySelectorAll('style#rr-glance-styles')
    expect(sheets).toHaveLength(1)
    expect(sheets[0]?.textContent).toBe(css)
  })

  it('renders the text and pill elements with its classes and their own attributes', () => {
    render(
      <>
        <LargeStrong data-testid="name">Ana</LargeStrong>
        <SmallText role="status">Loading</SmallText>
        <Pill hue="kale" data-testid="tier">
          Platinum
        </Pill>
      </>,
    )
    expect(screen.getByTestId('name')).toHaveClass(glance.largeStrong)
    expect(screen.getByRole('status')).toHaveClass(glance.smallText)
    expect(screen.getByTestId('tier')).toHaveClass(glance.pill)
    expect(screen.getByTestId('tier')).toHaveAttribute('data-hue', 'kale')
  })
})
