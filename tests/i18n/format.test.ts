import { createFormatters } from '@/i18n/format'

describe('createFormatters', () => {
  it('formats numbers and percentages per locale', () => {
    expect(createFormatters('en').number(1234.56)).toBe('1,234.6')
    expect(createFormatters('es').number(12345.6)).toBe('12.345,6')
    expect(createFormatters('en').percent(0.875)).toBe('87.5%')
  })

  it('formats currency with whole units for large amounts', () => {
    expect(createFormatters('en').currency(12400, 'USD')).toBe('$12,400')
    expect(createFormatters('en').currency(12.5, 'USD')).toBe('$12.50')
    // Russian groups with a no-break space and puts the symbol last.
    expect(createFormatters('ru').currency(12400, 'EUR')).toBe('12\u00a0400\u00a0€')
  })

  it.each([
    [45, '45 min'],
    [125, '2 hr 5 min'],
    [1440 + 180, '1 day 3 hr'],
    [0, '0 min'],
  ])('formats %d minutes as %p', (minutes, expected) => {
    expect(createFormatters('en').duration(minutes, 'not yet')).toBe(expected)
  })

  it('says "not yet" for a null duration, never 0', () => {
    expect(createFormatters('en').duration(null, 'not yet')).toBe('not yet')
  })

  it('formats dates in a time zone', () => {
    const f = createFormatters('en')
    expect(f.date('2026-03-01T02:00:00Z', 'UTC')).toBe('Mar 1, 2026')
    expect(f.date('2026-03-01T02:00:00Z', 'America/New_York')).toBe('Feb 28, 2026')
    expect(f.dateTime('2026-03-01T14:05:00Z', 'UTC')).toBe('Mar 1, 2026, 2:05 PM')
  })
})
