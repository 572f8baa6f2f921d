import { metricSetJson, ticketJson } from '@sim/entities'
import { metricSetString, q, ticketString } from '@sim/fastJson'
import { buildLifecycle, stateAt } from '@sim/lifecycle'
import { buildSkeleton } from '@sim/skeleton'

describe('fastJson', () => {
  it('renders tickets and metric sets exactly like JSON.stringify at any clock', () => {
    const sk = buildSkeleton({ tickets: 2500, seed: 17 })
    const base = 'https://retention-radar.zendesk.com'
    // The end instant, and instants earlier in the span where many tickets are still in progress.
    const instants = [sk.endMs, sk.startMs + (sk.endMs - sk.startMs) / 2, sk.endMs - 3 * 86_400_000]
    for (const now of instants) {
      for (let id = 1; id <= sk.ticketCount; id++) {
        const lc = buildLifecycle(sk, id)
        if (lc.createdMs > now) continue
        const st = stateAt(lc, now)
        expect(ticketString(sk, lc, st, base)).toBe(JSON.stringify(ticketJson(sk, lc, st, base)))
        expect(metricSetString(lc, st, base)).toBe(JSON.stringify(metricSetJson(lc, st, base)))
      }
    }
  })

  it('escapes strings that need it', () => {
    expect(q('plain')).toBe('"plain"')
    expect(q('say "hi"\n\\')).toBe(JSON.stringify('say "hi"\n\\'))
  })
})

describe('writeDatasetParallel', () => {
  it('writes the same bytes as the single-threaded writer', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const path = await import('node:path')
    const { writeDataset, writeDatasetParallel } = await import('@sim/dataset')
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-par-'))
    try {
      const a = path.join(dir, 'a.ndjson')
      const b = path.join(dir, 'b.ndjson')
      writeDataset({ tickets: 1500, seed: 2, perPage: 200, out: a })
      const result = await writeDatasetParallel({
        tickets: 1500,
        seed: 2,
        perPage: 200,
        out: b,
        workers: 2,
      })
      expect(result.pages).toBe(8)
      expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
