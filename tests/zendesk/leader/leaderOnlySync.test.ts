import { leaderOnlySync } from '@/zendesk/leader'
import { fakeBrowser } from './fakeTabs'

beforeEach(() => {
  jest.useFakeTimers({ now: Date.UTC(2026, 9, 31, 9) })
})

afterEach(() => {
  jest.useRealTimers()
})

/** A stand-in for the team sync that logs which tab started and stopped it. */
function fakeSync(tab: string, log: string[]) {
  let release: () => void = () => undefined
  return {
    start: () => {
      log.push(`${tab} start`)
      return new Promise<void>((resolve) => (release = resolve))
    },
    stop: () => {
      log.push(`${tab} stop`)
      release()
    },
    progress: () => ({ tab }),
    runOnce: () => Promise.resolve({ tab }),
  }
}

describe('leaderOnlySync', () => {
  it('runs one sync for three tabs and a new one in the tab that takes over', async () => {
    const b = fakeBrowser('web-locks')
    const log: string[] = []
    const tabs = ['a', 'b', 'c'].map((id) => {
      const tab = b.open(id)
      const sync = leaderOnlySync(tab.election, () => fakeSync(id, log))
      void sync.start()
      return { tab, sync }
    })
    await jest.advanceTimersByTimeAsync(1_000)
    expect(log).toEqual(['a start'])
    tabs[0]?.tab.kill()
    await jest.advanceTimersByTimeAsync(1_000)
    expect(log).toEqual(['a start', 'b start'])
    // a tab that closes cleanly stops its sync before the next one starts
    tabs[1]?.sync.stop()
    tabs[1]?.tab.close()
    await jest.advanceTimersByTimeAsync(1_000)
    expect(log).toEqual(['a start', 'b start', 'b stop', 'c start'])
    expect(tabs[2]?.sync.progress()).toEqual({ tab: 'c' })
  })

  it('stops the sync when the tab stops leading and starts a fresh one when it leads again', async () => {
    let leading = true
    const listeners: ((l: boolean) => void)[] = []
    const election = {
      isLeader: () => leading,
      onChange: (l: (l: boolean) => void) => {
        listeners.push(l)
        return () => undefined
      },
    }
    const log: string[] = []
    let made = 0
    const sync = leaderOnlySync(election, () => fakeSync(`sync${++made}`, log))
    const started = sync.start()
    leading = false
    listeners.forEach((l) => l(false))
    leading = true
    listeners.forEach((l) => l(true))
    sync.stop()
    await started
    expect(log).toEqual(['sync1 start', 'sync1 stop', 'sync2 start', 'sync2 stop'])
  })

  it('says when a sync ended on its own', async () => {
    const ended: unknown[] = []
    const sync = leaderOnlySync(
      { isLeader: () => true, onChange: () => () => undefined },
      () => ({
        start: () => Promise.reject(new Error('disk full')),
        stop: () => undefined,
        progress: () => null,
        runOnce: () => Promise.resolve(null),
      }),
      { onEnded: (err) => ended.push(err) },
    )
    void sync.start()
    await Promise.resolve()
    await Promise.resolve()
    expect(ended).toEqual([new Error('disk full')])
    sync.stop()
  })
})
