import { formattersFor } from '@/i18n/format'
import { ENGLISH, translatorFor } from '@/i18n/language'
import { amountText, ordinalText, warmSidebarText } from '@/ui/sidebar/text'

// Intl separates numbers and units with no-break spaces
const plain = (text: string) => text.replace(/\s/g, ' ')

afterEach(() => {
  jest.restoreAllMocks()
})

describe('warmSidebarText', () => {
  it("makes the glance's formatters for the browser's language ahead of time, so its text makes none", () => {
    warmSidebarText('es-ES', 'EUR')
    const numberFormats = jest.spyOn(Intl, 'NumberFormat')
    const pluralRules = jest.spyOn(Intl, 'PluralRules')
    const format = formattersFor('es')
    const t = translatorFor(ENGLISH)
    expect(plain(amountText(t, format, 12_400, 'EUR'))).toBe('12.400 €')
    expect(plain(amountText(t, format, 12.5, 'EUR'))).toBe('12,50 €')
    expect(amountText(t, format, 40, null)).toBe('40 points')
    expect(plain(format.percent(0.25))).toBe('25 %')
    expect(plain(format.duration(26 * 60 + 5, '—'))).toBe('1 d 2 h')
    expect(plain(format.duration(45, '—'))).toBe('45 min')
    // Spanish ordinals read through the Spanish catalogue; here only the rules' making counts
    ordinalText({ locale: 'es', t, format }, 3)
    expect(numberFormats).not.toHaveBeenCalled()
    expect(pluralRules).not.toHaveBeenCalled()
  })

  it('gives the page one set of formatters per locale and one translator per language', () => {
    expect(formattersFor('ro')).toBe(formattersFor('ro'))
    expect(formattersFor('ro')).not.toBe(formattersFor('en'))
    expect(translatorFor(ENGLISH)).toBe(translatorFor({ ...ENGLISH }))
  })
})
