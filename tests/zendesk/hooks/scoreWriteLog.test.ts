import {
  REWRITE_AFTER_MS,
  WRITE_LOG_ENTRIES,
  scoreWriteLog,
  shouldWrite,
} from '@/zendesk/hooks/scoreWriteLog'
import type { LastWrite } from '@/zendesk/hooks/scoreWriteLog'

import { memoryStorage } from '../../support/memoryStorage'

const written: LastWrite = { key: '[100,"open"]', value: 70, tier: 'gold', at: 1_000_000 }

describe('shouldWrite', () => {
  it('writes a ticket never written, or one whose ticket, field or tier changed', () => {
    expect(shouldWrite(null, written)).toBe(true)
    expect(shouldWrite(written, { ...written, key: '[100,"pending"]', at: written.at + 1 })).toBe(
      true,
    )
    expect(shouldWrite(written, { ...written, tier: 'platinum', at: written.at + 1 })).toBe(true)
  })

  it('leaves the same value alone, and a value moved by time alone until the rewrite interval', () => {
    expect(shouldWrite(written, { ...written, at: written.at + 2 * REWRITE_AFTER_MS })).toBe(false)
    const moved = { ...written, value: 71 }
    expect(shouldWrite(written, { ...moved, at: written.at + REWRITE_AFTER_MS - 1 })).toBe(false)
    expect(shouldWrite(written, { ...moved, at: written.at + REWRITE_AFTER_MS })).toBe(true)
  })
})

describe('scoreWriteLog', () => {
  it('keeps the last write per account and ticket, and forgets it on demand', () => {
    const log = scoreWriteLog(memoryStorage())
    expect(log.read('acme', 100)).toBeNull()
    log.write('acme', 100, written)
    expect(log.read('acme', 100)).toEqual(written)
    expect(log.read('other', 100)).toBeNull()
    expect(log.read('acme', 101)).toBeNull()
    log.forget('acme', 100)
    expect(log.read('acme', 100)).toBeNull()
  })

  it('ignores and removes a damaged entry', () => {
    const store = memoryStorage()
    const log = scoreWriteLog(store)
    log.write('acme', 100, written)
    const [key] = [store.key(0)]
    store.setItem(key ?? '', '{"key":1')
    expect(log.read('acme', 100)).toBeNull()
    expect(store.length).toBe(0)
    store.setItem(key ?? '', JSON.stringify({ ...written, value: 'high' }))
    expect(log.read('acme', 100)).toBeNull()
  })

  it(`keeps the ${WRITE_LOG_ENTRIES} latest tickets, dropping the oldest write first`, () => {
    const store = memoryStorage()
    const log = scoreWriteLog(store)
    for (let id = 1; id <= WRITE_LOG_ENTRIES + 5; id++) {
      log.write('acme', id, { ...written, at: written.at + id })
    }
    expect(store.length).toBe(WRITE_LOG_ENTRIES)
    expect(log.read('acme', 5)).toBeNull()
    expect(log.read('acme', 6)).not.toBeNull()
    expect(log.read('acme', WRITE_LOG_ENTRIES + 5)).not.toBeNull()
  })

  it('does nothing without storage, and survives a storage that throws', () => {
    const none = scoreWriteLog(null)
    none.write('acme', 100, written)
    expect(none.read('acme', 100)).toBeNull()
    const full = memoryStorage()
    full.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    const log = scoreWriteLog(full)
    expect(() => log.write('acme', 100, written)).not.toThrow()
    expect(log.read('acme', 100)).toBeNull()
  })
})
