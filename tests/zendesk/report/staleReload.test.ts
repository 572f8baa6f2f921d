import { staleReload } from '@/zendesk/report/staleReload'

/** A hand-driven clock and timer, and a reload that finishes when told to. */
function harness(everyMs = 30_000) {
  let clock = 1_000_000
  const timers: { at: number; run: () => void }[] = []
  const reloads: { resolve: () => void; reject: (e: Error) => void }[] = []
  const errors: unknown[] = []
  const pacer = staleReload({
    everyMs,
    now: () => clock,
    reload: () => new Promise<void>((resolve, reject) => reloads.push({ resolve, reject })),
    onError: (err) => errors.push(err),
    setTimer: (run, ms) => {
      const t = { at: clock + ms, run }
      timers.push(t)
      return t
    },
    clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
  })
  const advance = (ms: number) => {
    clock += ms
    for (const t of [...timers].filter((x) => x.at <= clock)) {
      timers.splice(timers.indexOf(t), 1)
      t.run()
    }
  }
  const settled = async (p: Promise<void>) => {
    let done = false
    void p.then(() => (done = true))
    await Promise.resolve()
    await Promise.resolve()
    return done
  }
  return { pacer, reloads, timers, errors, advance, settled, now: () => clock }
}

describe('staleReload', () => {
  it('answers at once while nothing changed elsewhere', async () => {
    const h = harness()
    await expect(h.settled(h.pacer.beforeAnswer())).resolves.toBe(true)
    expect(h.reloads).toHaveLength(0)
    expect(h.pacer.behindSince()).toBeNull()
  })

  it('reloads on the first answer after a notice, and every answer meanwhile waits for it', async () => {
    const h = harness()
    h.pacer.markStale(h.now() - 5)
    expect(h.pacer.behindSince()).toBe(h.now() - 5)
    const first = h.pacer.beforeAnswer()
    const second = h.pacer.beforeAnswer()
    expect(h.reloads).toHaveLength(1)
    await expect(h.settled(second)).resolves.toBe(false)
    h.reloads[0]!.resolve()
    await first
    await second
    expect(h.pacer.behindSince()).toBeNull()
  })

  it('reloads at most once per interval: answers meanwhile come at once, a reload follows', async () => {
    const h = harness()
    h.pacer.markStale(h.now())
    const first = h.pacer.beforeAnswer()
    h.reloads[0]!.resolve()
    await first
    h.advance(1000)
    const noticed = h.now()
    h.pacer.markStale(noticed)
    // within the interval: the account held answers, and says since when it is behind
    await expect(h.settled(h.pacer.beforeAnswer())).resolves.toBe(true)
    await expect(h.settled(h.pacer.beforeAnswer())).resolves.toBe(true)
    expect(h.reloads).toHaveLength(1)
    expect(h.pacer.behindSince()).toBe(noticed)
    expect(h.timers).toHaveLength(1)
    // the interval ends: one reload, nobody waits for it
    h.advance(29_000)
    expect(h.reloads).toHaveLength(2)
    await expect(h.settled(h.pacer.beforeAnswer())).resolves.toBe(true)
    h.reloads[1]!.resolve()
    await Promise.resolve()
    await Promise.resolve()
    expect(h.pacer.behindSince()).toBeNull()
  })

  it('stays behind after a reload when another notice came while it ran', async () => {
    const h = harness()
    h.pacer.markStale(h.now())
    const first = h.pacer.beforeAnswer()
    h.advance(10)
    const during = h.now()
    h.pacer.markStale(during)
    h.reloads[0]!.resolve()
    await first
    expect(h.pacer.behindSince()).toBe(during)
  })

  it('keeps the account held and says why when a reload fails', async () => {
    const h = harness()
    const at = h.now()
    h.pacer.markStale(at)
    const first = h.pacer.beforeAnswer()
    h.reloads[0]!.reject(new Error('store closed'))
    await first
    expect(h.errors).toEqual([new Error('store closed')])
    expect(h.pacer.behindSince()).toBe(at)
  })

  it('schedules nothing after stop', async () => {
    const h = harness()
    h.pacer.markStale(h.now())
    const first = h.pacer.beforeAnswer()
    h.reloads[0]!.resolve()
    await first
    h.pacer.markStale(h.now())
    await h.pacer.beforeAnswer()
    expect(h.timers).toHaveLength(1)
    h.pacer.stop()
    expect(h.timers).toHaveLength(0)
    h.advance(60_000)
    expect(h.reloads).toHaveLength(1)
  })
})
