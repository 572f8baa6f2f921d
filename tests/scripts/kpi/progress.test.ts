import {
  LOG_INTERVAL_MS,
  createProgress,
  formatDuration,
  progressText,
} from '../../../scripts/kpi/progress'

describe('progress of kpi --base-url', () => {
  it('formats time left', () => {
    expect(formatDuration(12_400)).toBe('12s')
    expect(formatDuration(250_000)).toBe('4m 10s')
    expect(formatDuration(7_500_000)).toBe('2h 05m')
  })

  it('says pages, tickets and time left', () => {
    expect(progressText({ phase: 'tickets', pages: 12, tickets: 12000, etaMs: 250_000 })).toBe(
      'kpi: syncing tickets: 12 pages, 12,000 tickets, about 4m 10s left',
    )
    expect(progressText({ phase: 'tickets', pages: 1, tickets: 1000, etaMs: null })).toBe(
      'kpi: syncing tickets: 1 pages, 1,000 tickets, estimating time left',
    )
  })

  it('writes a line every 30 s when stderr is not a terminal, and the last state at the end', () => {
    let now = 0
    const out: string[] = []
    const p = createProgress({ write: (t) => out.push(t), isTTY: false }, () => now)
    for (let page = 1; page <= 20; page++) {
      p.update({ phase: 'tickets', pages: page, tickets: page * 1000, etaMs: (20 - page) * 6000 })
      now += 6000
    }
    p.done()
    // pages 1, 6, 11, 16 (every 30 s) and the last one
    expect(out.map((l) => /(\d+) pages/.exec(l)?.[1])).toEqual(['1', '6', '11', '16', '20'])
    expect(out.every((l) => l.endsWith('\n'))).toBe(true)
    expect(LOG_INTERVAL_MS).toBe(30_000)
  })

  it('rewrites one live line on a terminal and ends it', () => {
    const out: string[] = []
    const p = createProgress({ write: (t) => out.push(t), isTTY: true }, () => 0)
    p.update({ phase: 'tickets', pages: 10, tickets: 10000, etaMs: null })
    p.update({ phase: 'tickets', pages: 11, tickets: 11000, etaMs: 60_000 })
    p.done()
    const first = 'kpi: syncing tickets: 10 pages, 10,000 tickets, estimating time left'
    expect(out[0]).toBe(`\r${first}`)
    // the shorter line is padded over the longer one before it
    expect(out[1]).toBe(
      `\r${'kpi: syncing tickets: 11 pages, 11,000 tickets, about 1m 00s left'.padEnd(first.length)}`,
    )
    expect(out[2]).toBe('\n')
  })
})
