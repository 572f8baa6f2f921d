import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { ScoreFactorView } from '@/core'
import { createFormatters } from '@/i18n/format'
import { createTranslator } from '@/i18n/translate'
import type { Messages } from '@/i18n/translate'
import { ordinalText, reasonText } from '@/ui/sidebar/text'
import type { ReasonI18n } from '@/ui/sidebar/text'

const root = path.join(__dirname, '..', '..', '..')
const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.join(root, 'translations', `${locale}.json`), 'utf8')) as Messages
const english = catalogue('en')

/** The sidebar's i18n over the real catalogue of one locale, English as the fallback. */
function i18nFor(locale: string): ReasonI18n {
  return {
    locale,
    t: createTranslator(locale, catalogue(locale), english),
    format: createFormatters(locale),
  }
}

function factor(reasonKey: string, params: ScoreFactorView['params']): ScoreFactorView {
  return { key: 'value', contribution: 10, weight: 25, missing: false, reasonKey, params }
}

describe('ordinalText', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [101, '101st'],
  ])('writes %d as %s in English', (n, expected) => {
    expect(ordinalText(i18nFor('en'), n)).toBe(expected)
  })

  it('writes a plain number where the sentence carries the ordinal marker', () => {
    for (const locale of ['ca', 'es', 'ru', 'ro', 'id']) {
      expect(ordinalText(i18nFor(locale), 3)).toBe('3')
    }
  })
})

describe('reasonText with the real translations', () => {
  const repeat = factor('valueModel.reason.repeatContact', { ordinal: 3, days: 7 })

  it.each([
    ['en', '3rd contact in 7 days'],
    ['ca', 'Contacte núm. 3 en 7 dies'],
    ['es', 'Contacto n.º 3 en 7 días'],
    ['ru', 'Обращение № 3 за 7 дней'],
    ['ro', 'Contactul nr. 3 în 7 zile'],
    ['id', 'Kontak ke-3 dalam 7 hari'],
  ])('reads the repeat contact in %s as "%s"', (locale, expected) => {
    expect(reasonText(i18nFor(locale), repeat)).toBe(expected)
  })

  it('says 2nd and 21st in English', () => {
    const en = i18nFor('en')
    expect(reasonText(en, factor('valueModel.reason.repeatContact', { ordinal: 2, days: 1 }))).toBe(
      '2nd contact in 1 day',
    )
    expect(
      reasonText(en, factor('valueModel.reason.repeatContact', { ordinal: 21, days: 30 })),
    ).toBe('21st contact in 30 days')
  })

  it('names the tier alone when the value is unknown', () => {
    const unknownValue = factor('valueModel.reason.tier', { tier: 'gold' })
    expect(reasonText(i18nFor('en'), unknownValue)).toBe('Gold customer')
    expect(reasonText(i18nFor('es'), unknownValue)).toBe(
      `Cliente ${i18nFor('es').t('sidebar.tier.names.gold')}`,
    )
  })

  it('names the tier with its value when the value is known', () => {
    const known = factor('valueModel.reason.tier', {
      tier: 'platinum',
      value: 3000,
      currency: 'USD',
    })
    expect(reasonText(i18nFor('en'), known)).toBe('Platinum customer ($3,000)')
  })

  it('gives the factor name, never the raw key, for a reason the catalogue lacks', () => {
    const text = reasonText(i18nFor('en'), factor('valueModel.reason.noSuchReason', {}))
    expect(text).not.toContain('noSuchReason')
    expect(text).toBe(i18nFor('en').t('sidebar.why.factors.value'))
  })
})
