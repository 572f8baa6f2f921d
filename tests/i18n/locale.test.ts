import { resolveLocale } from '@/i18n/locale'

describe('resolveLocale', () => {
  it.each([
    ['es', 'es'],
    ['es-419', 'es'],
    ['ES-es', 'es'],
    ['pt_BR', 'en'],
    ['ru-RU', 'ru'],
    ['ca', 'ca'],
    ['id', 'id'],
    ['ro-MD', 'ro'],
    ['de', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ])('resolves %p to %p', (requested, expected) => {
    expect(resolveLocale(requested)).toBe(expected)
  })
})
