import {
  formatDay,
  isValidTimeZone,
  localMidnight,
  OffsetTable,
  offsetMinutesAt,
  parseDay,
} from '@/core/_lib/zonedTime'

describe('parseDay / formatDay', () => {
  it('round-trips dates', () => {
    expect(parseDay('2024-01-01')).toBe(19723)
    expect(formatDay(19723)).toBe('2024-01-01')
  })

  it.each(['2024-02-30', '2024-1-01', 'yesterday', ''])('rejects %p', (text) => {
    expect(parseDay(text)).toBeNull()
  })
})

describe('offsetMinutesAt', () => {
  it.each([
    ['Europe/Paris', Date.UTC(2024, 6, 1), 120],
    ['Europe/Paris', Date.UTC(2024, 0, 1), 60],
    ['Asia/Kolkata', Date.UTC(2024, 0, 1), 330],
    ['America/New_York', Date.UTC(2024, 0, 1), -300],
    ['UTC', Date.UTC(2024, 0, 1), 0],
  ])('gives the offset of %s', (zone, instant, minutes) => {
    expect(offsetMinutesAt(zone, instant)).toBe(minutes)
  })
})

describe('localMidnight', () => {
  it('finds the first instant of a local date', () => {
    expect(localMidnight('Europe/Paris', 19723)).toBe(Date.UTC(2023, 11, 31, 23))
    // 2024-03-10 starts at 05:00Z in New York; the DST jump happens later that night
    expect(localMidnight('America/New_York', parseDay('2024-03-10') as number)).toBe(
      Date.UTC(2024, 2, 10, 5),
    )
    expect(localMidnight('America/New_York', parseDay('2024-03-11') as number)).toBe(
      Date.UTC(2024, 2, 11, 4),
    )
  })
})

describe('OffsetTable', () => {
  it('maps instants to local time across a DST change', () => {
    const table = new OffsetTable('Europe/Paris', Date.UTC(2024, 2, 30), Date.UTC(2024, 3, 2))
    // 2024-03-31 01:00Z is 03:00 CEST (the clock jumped at 01:00Z)
    expect(table.localTime(Date.UTC(2024, 2, 31, 0, 59))).toBe(Date.UTC(2024, 2, 31, 1, 59))
    expect(table.localTime(Date.UTC(2024, 2, 31, 1, 0))).toBe(Date.UTC(2024, 2, 31, 3, 0))
  })

  it('returns NaN outside its span', () => {
    const table = new OffsetTable('UTC', Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2))
    expect(table.localTime(Date.UTC(2023, 0, 1))).toBeNaN()
  })
})

describe('isValidTimeZone', () => {
  it('knows IANA zones', () => {
    expect(isValidTimeZone('Asia/Kathmandu')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
  })
})
