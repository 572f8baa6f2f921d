import { parseLeaderRecord, whileLeader } from '@/zendesk/leader'
import type { FakeTab } from './fakeTabs'
import { fakeBrowser } from './fakeTabs'

const T0 = Date.UTC(2026, 9, 31, 9, 0)

beforeEach(() => {
  jest.useFakeTimers({ now: T0 })
})

afterEach(() => {
  jest.useRealTimers()
})

/**
 * Runs fake time forward in 50 ms steps, checking at every step that no two live tabs lead at
 * once; returns the first instant `until` held (or null).
 */
async function watch(
  b: ReturnType<typeof fakeBrowser>,
  ms: number,
  until: () => boolean = () => false,
): Promise<number | null> {
  for (let t = 0; t <= ms; t += 50) {
    expect(b.leaders().length).toBeLessThanOrEqual(1)
    if (until()) return Date.now()
    await jest.advanceTimersByTimeAsync(50)
  }
  return null
}

const leader = (b: ReturnType<typeof fakeBrowser>): FakeTab =>
  b.tabs.find((t) => t.alive() && t.election.isLeader()) as FakeTab

describe.each(['web-locks', 'lease'] as const)('electLeader (%s)', (mode) => {
  it('elects exactly one of two tabs that start at the same instant', async () => {
    const b = fakeBrowser(mode)
    b.open('a')
    b.open('b')
    await watch(b, 30_000)
    expect(b.leaders()).toHaveLength(1)
    expect(b.tabs[0]?.election.leader()).toMatchObject({ tabId: b.leaders()[0], mode })
  })

  it('elects one of three tabs and hands over when the leader closes', async () => {
    const b = fakeBrowser(mode)
    b.open('a')
    b.open('b')
    b.open('c')
    await watch(b, 10_000)
    const first = leader(b)
    first.close()
    const closedAt = Date.now()
    const tookOver = await watch(
      b,
      30_000,
      () => b.leaders().length === 1 && b.leaders()[0] !== first.id,
    )
    expect(tookOver).not.toBeNull()
    // a clean close frees the lock (or the lease) at once
    expect((tookOver as number) - closedAt).toBeLessThan(mode === 'web-locks' ? 100 : 6_000)
  })

  it('takes over within 30 s when the leader tab is killed, twice in a row', async () => {
    const b = fakeBrowser(mode)
    for (const id of ['a', 'b', 'c']) b.open(id)
    await watch(b, 10_000)
    for (let round = 0; round < 2; round++) {
      const dying = leader(b)
      dying.kill()
      const killedAt = Date.now()
      const tookOver = await watch(b, 30_000, () => b.leaders().length === 1)
      expect(tookOver).not.toBeNull()
      expect((tookOver as number) - killedAt).toBeLessThanOrEqual(30_000)
      expect(b.leaders()[0]).not.toBe(dying.id)
    }
    expect(b.tabs.filter((t) => t.alive())).toHaveLength(1)
  })

  it('lets a tab opened later follow the leader, and lead once the others are gone', async () => {
    const b = fakeBrowser(mode)
    const a = b.open('a')
    await watch(b, 5_000)
    const late = b.open('late')
    await watch(b, 20_000)
    expect(b.leaders()).toEqual(['a'])
    a.kill()
    expect(await watch(b, 30_000, () => late.election.isLeader())).not.toBeNull()
  })
  it('keeps its leader, without stopping its work, when the computer clock jumps an hour ahead', async () => {
    const b = fakeBrowser(mode)
    b.open('a')
    b.open('b')
    await watch(b, 10_000)
    const first = leader(b)
    const changes: boolean[] = []
    first.election.onChange((isLeader) => changes.push(isLeader))
    jest.setSystemTime(Date.now() + 3_600_000)
    await watch(b, 30_000)
    expect(b.leaders()).toEqual([first.id])
    expect(changes).toEqual([])
  })

  it('takes over within 30 s of a leader killed just after the computer clock was set back an hour', async () => {
    const b = fakeBrowser(mode)
    b.open('a')
    b.open('b')
    await watch(b, 10_000)
    const dying = leader(b)
    jest.setSystemTime(Date.now() - 3_600_000)
    dying.kill()
    expect(await watch(b, 30_000, () => b.leaders().length === 1)).not.toBeNull()
    expect(b.leaders()[0]).not.toBe(dying.id)
  })
})

describe('electLeader (lease)', () => {
  it('ignores an unreadable lease and claims it', async () => {
    const b = fakeBrowser('lease')
    b.store.set('retention-radar-leader:acme', '{not json')
    b.open('a')
    await watch(b, 2_000)
    expect(b.leaders()).toEqual(['a'])
  })

  it('respects a live lease of a tab it does not know', async () => {
    const b = fakeBrowser('lease')
    const lease = { tabId: 'other', since: T0, expiresAt: T0 + 15_000, mode: 'lease' }
    b.store.set('retention-radar-leader:acme', JSON.stringify(lease))
    const a = b.open('a')
    await watch(b, 10_000)
    expect(a.election.isLeader()).toBe(false)
    // never renewed: free after 15 s
    expect(await watch(b, 30_000, () => a.election.isLeader())).not.toBeNull()
  })
})

describe('parseLeaderRecord', () => {
  it.each([null, '', 'null', '{}', '{"tabId":1,"since":0,"expiresAt":0,"mode":"lease"}'])(
    'reads %p as no leader',
    (raw) => {
      expect(parseLeaderRecord(raw)).toBeNull()
    },
  )
})

describe('whileLeader', () => {
  /** A sync that commits one page every 6 s to the shared store with its cursor, in one write. */
  function pagedSync(tab: FakeTab, log: string[]) {
    const state = { stopped: false }
    const stopped = (): boolean => state.stopped
    void (async () => {
      const stored = JSON.parse(tab.store.get('db') ?? '{"cursor":0,"pages":[]}') as {
        cursor: number
        pages: number[]
      }
      let { cursor } = stored
      log.push(`${tab.id} starts at ${cursor}`)
      while (!stopped() && cursor < 20) {
        await tab.timer.sleep(6_000) // the page's request
        if (stopped()) break
        const db = JSON.parse(tab.store.get('db') ?? '{"cursor":0,"pages":[]}') as typeof stored
        tab.store.set('db', JSON.stringify({ cursor: cursor + 1, pages: [...db.pages, cursor] }))
        cursor++
      }
    })()
    return { stop: () => void (state.stopped = true) }
  }

  it.each(['web-locks', 'lease'] as const)(
    'resumes from the stored cursor after the leader is killed in the middle of a page (%s)',
    async (mode) => {
      const b = fakeBrowser(mode)
      const log: string[] = []
      for (const id of ['a', 'b', 'c']) {
        const tab = b.open(id)
        whileLeader(tab.election, () => pagedSync(tab, log))
      }
      await watch(b, 33_000) // 5 pages in, half-way through the 6th
      const dying = leader(b)
      dying.kill()
      await watch(b, 4 * 60_000)
      const db = JSON.parse(b.store.get('db') as string) as { cursor: number; pages: number[] }
      expect(db.pages).toEqual(Array.from({ length: 20 }, (_, i) => i))
      expect(log).toHaveLength(2)
      expect(log[0]).toBe(`${dying.id} starts at 0`)
      expect(log[1]).toMatch(/ starts at 5$/)
    },
  )

  it('stops the work when leadership ends and starts it again at the next', async () => {
    const b = fakeBrowser('web-locks')
    const a = b.open('a')
    const events: string[] = []
    const unwatch = whileLeader(a.election, () => {
      events.push('start')
      return { stop: () => events.push('stop') }
    })
    await watch(b, 1_000)
    a.close()
    await watch(b, 1_000)
    expect(events).toEqual(['start', 'stop'])
    unwatch()
  })

  it('reports a start that throws and tries again at the next leadership', () => {
    let listener: (isLeader: boolean) => void = () => undefined
    const election = {
      isLeader: () => false,
      onChange: (l: (isLeader: boolean) => void) => {
        listener = l
        return () => undefined
      },
    }
    const errors: unknown[] = []
    let tries = 0
    whileLeader(
      election,
      () => {
        tries++
        if (tries === 1) throw new Error('store is locked')
        return { stop: () => undefined }
      },
      (err) => errors.push(err),
    )
    listener(true)
    listener(false)
    listener(true)
    expect(tries).toBe(2)
    expect(errors).toEqual([new Error('store is locked')])
  })
})

describe('electLeader (lease) without reading the claim back', () => {
  it('would let two tabs that start together both lead: the settle step is what prevents it', async () => {
    const b = fakeBrowser('lease', { settleMs: 0 })
    b.open('a')
    b.open('b')
    await jest.advanceTimersByTimeAsync(100)
    expect(b.leaders()).toEqual(['a', 'b'])
  })
})
