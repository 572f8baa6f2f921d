import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import {
  decodeExportCursor,
  encodeExportCursor,
  generateEventPages,
  generateExportPages,
} from '@sim/export'
import { writeDataset } from '@sim/dataset'

const ndjson = (pages: Iterable<unknown>): string =>
  [...pages].map((p) => `${JSON.stringify(p)}\n`).join('')

describe('generateExportPages', () => {
  it('is byte-identical for the same seed and size', () => {
    const a = ndjson(generateExportPages({ tickets: 600, seed: 42, perPage: 250 }))
    const b = ndjson(generateExportPages({ tickets: 600, seed: 42, perPage: 250 }))
    expect(a).toBe(b)
  })

  it('differs for another seed and moves with the end date', () => {
    const a = ndjson(generateExportPages({ tickets: 300, seed: 1 }))
    const b = ndjson(generateExportPages({ tickets: 300, seed: 2 }))
    expect(a).not.toBe(b)
    const [late] = [...generateExportPages({ tickets: 300, seed: 1, end: '2027-03-31' })]
    const [early] = [...generateExportPages({ tickets: 300, seed: 1 })]
    expect(String(late?.tickets[0]?.created_at) > String(early?.tickets[0]?.created_at)).toBe(true)
  })

  it('pages every ticket once, in generated_timestamp order, ending with end_of_stream', () => {
    const pages = [...generateExportPages({ tickets: 1234, seed: 5, perPage: 500 })]
    expect(pages.map((p) => p.count)).toEqual([500, 500, 234])
    expect(pages.map((p) => p.end_of_stream)).toEqual([false, false, true])
    expect(pages[0]?.before_cursor).toBeNull()
    const ids = pages.flatMap((p) => p.tickets.map((t) => t.id as number))
    expect(new Set(ids).size).toBe(1234)
    const stamps = pages.flatMap((p) => p.tickets.map((t) => t.generated_timestamp as number))
    expect(stamps).toEqual([...stamps].sort((x, y) => x - y))
    for (const page of pages) {
      expect(page.after_url).toContain(`cursor=${String(page.after_cursor)}`)
      const requesters = new Set(page.tickets.map((t) => t.requester_id))
      const users = new Set(page.users.map((u) => u.id))
      for (const r of requesters) expect(users.has(r)).toBe(true)
      const live = page.tickets.filter((t) => t.status !== 'deleted').map((t) => t.id)
      expect(page.metric_sets.map((m) => m.ticket_id)).toEqual(live)
    }
  })

  it('includes deleted tickets', () => {
    const pages = [...generateExportPages({ tickets: 3000, seed: 9 })]
    const deleted = pages.flatMap((p) => p.tickets).filter((t) => t.status === 'deleted')
    expect(deleted.length).toBeGreaterThan(0)
  })

  it('rejects bad options with clear errors', () => {
    expect(() => [...generateExportPages({ tickets: 0 })]).toThrow(/tickets must be an integer/)
    expect(() => [...generateExportPages({ tickets: 10, perPage: 1001 })]).toThrow(/perPage/)
    expect(() => [...generateExportPages({ tickets: 10, end: '2026-02-30' })]).toThrow(
      /no such day/,
    )
    expect(() => [...generateExportPages({ tickets: 10, seed: -1 })]).toThrow(/seed/)
  })
})

describe('export cursors', () => {
  it('round-trips and rejects garbage', () => {
    const c = encodeExportCursor(1_700_000_000, 467)
    expect(Buffer.from(c, 'base64').toString()).toBe('1700000000.0||467|')
    expect(decodeExportCursor(c)).toEqual({ timestamp: 1_700_000_000, id: 467 })
    expect(decodeExportCursor('not a cursor!')).toBeUndefined()
    expect(decodeExportCursor('Zm9v')).toBeUndefined()
  })
})

describe('generateEventPages', () => {
  it('streams metric events in time order with unique ids', () => {
    const pages = [...generateEventPages({ tickets: 400, seed: 3, perPage: 1000 })]
    expect(pages.at(-1)?.end_of_stream).toBe(true)
    const events = pages.flatMap((p) => p.ticket_metric_events)
    const times = events.map((e) => String(e.time))
    expect(times).toEqual([...times].sort())
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(['activate', 'apply_sla', 'fulfill', 'breach', 'pause']),
    )
  })
})

describe('writeDataset', () => {
  it('writes the same bytes as the generator, one page per line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-'))
    try {
      const out = path.join(dir, 'tickets.ndjson')
      const eventsOut = path.join(dir, 'events.ndjson')
      const result = writeDataset({ tickets: 700, seed: 11, perPage: 300, out, eventsOut })
      expect(result.pages).toBe(3)
      const text = readFileSync(out, 'utf8')
      expect(text).toBe(ndjson(generateExportPages({ tickets: 700, seed: 11, perPage: 300 })))
      expect(readFileSync(eventsOut, 'utf8')).toBe(
        ndjson(generateEventPages({ tickets: 700, seed: 11, perPage: 300 })),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
