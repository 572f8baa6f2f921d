import { readFileSync } from 'node:fs'
import path from 'node:path'

import { SUPPORTED_LOCALES } from '@/i18n/locale'
import { createTranslator, placeholdersOf, TranslationError } from '@/i18n/translate'
import type { Messages } from '@/i18n/translate'

const messages = (locale: string) =>
  JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'translations', `${locale}.json`), 'utf8'),
  ) as Messages

const en = messages('en')

describe('createTranslator', () => {
  it('interpolates placeholders', () => {
    const t = createTranslator('en', en, en)
    expect(t('dashboard.signedInAs', { name: 'Ana' })).toBe('Signed in as Ana')
  })

  it('translates into the agent language', () => {
    const t = createTranslator('es', messages('es'), en)
    expect(t('common.retry')).not.toBe('Try again')
    expect(t('dashboard.signedInAs', { name: 'Ana' })).toContain('Ana')
  })

  it('falls back to English for a key the locale lacks', () => {
    const t = createTranslator('ca', { common: {} }, en)
    expect(t('common.retry')).toBe('Try again')
  })

  it.each([
    ['en', 1, '1 ticket'],
    ['en', 3, '3 tickets'],
    ['ru', 1, '1 запрос'],
    ['ru', 3, '3 запроса'],
    ['ru', 5, '5 запросов'],
    ['id', 1, '1 tiket'],
  ])('picks the %s plural form for %d', (locale, count, expected) => {
    const t = createTranslator(locale, messages(locale), en)
    expect(t('sidebar.ticketCount', { count })).toBe(expected)
  })

  it('throws on a placeholder without its parameter', () => {
    const t = createTranslator('en', en, en)
    expect(() => t('dashboard.signedInAs')).toThrow(
      new TranslationError("Translation 'dashboard.signedInAs' needs the parameter 'name'"),
    )
  })

  it('throws on an unknown key', () => {
    const t = createTranslator('en', {}, {})
    expect(() => t('common.retry')).toThrow("Unknown translation key 'common.retry'")
  })

  it('throws on a plural message without a count', () => {
    const t = createTranslator('en', en, en)
    expect(() => t('sidebar.ticketCount')).toThrow("needs a numeric 'count'")
  })
})

describe('the shipped translations', () => {
  it.each(SUPPORTED_LOCALES.map((l) => [l]))('has a %s.json', (locale) => {
    expect(Object.keys(messages(locale))).toEqual(Object.keys(en))
  })
})

describe('placeholdersOf', () => {
  it('lists each placeholder once, sorted', () => {
    expect(placeholdersOf('{{b}} and {{ a }} and {{b}}')).toEqual(['a', 'b'])
  })
})
