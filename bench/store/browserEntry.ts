// Runs in Chromium (bundled by bench/sections/store.ts): writes synthetic pages through the store's
// codec into IndexedDB as the sync does (one transaction per page with its cursor), and cold-loads
// the account back as the background does, timing each step.

import { encodeTicketPage } from '@/zendesk/store/ticketPage'
import { loadAccount } from '@/zendesk/store/account'
import { openAccountStore } from '@/zendesk/store/db'
import { ticketStateAtStart, writeMeta } from '@/zendesk/store/meta'
import { accountReportSource } from '@/zendesk/report/accountReportSource'
import { parseSettings } from '@/zendesk/settings'
import { syntheticStoredTickets } from './synthetic'

const NAME = 'bench-store'

async function write(options: { tickets: number; pageSize: number }): Promise<{ writeMs: number }> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(NAME)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error ?? new Error('deleteDatabase failed'))
  })
  const db = await openAccountStore(NAME)
  const start = ticketStateAtStart(0, Date.now())
  let writeMs = 0
  for (let first = 1, page = 1; first <= options.tickets; first += options.pageSize, page++) {
    const count = Math.min(options.pageSize, options.tickets - first + 1)
    const tickets = syntheticStoredTickets(first, count, options.tickets)
    const state = {
      ...start,
      pagesDone: page,
      cursor: `c${page}`,
      ticketsSynced: first + count - 1,
    }
    const started = performance.now()
    const tx = db.transaction(['ticketPages', 'meta'], 'readwrite')
    void tx.objectStore('ticketPages').add(encodeTicketPage(tickets))
    void writeMeta(tx.objectStore('meta'), 'tickets', state)
    await tx.done
    writeMs += performance.now() - started
  }
  db.close()
  return { writeMs: Math.round(writeMs) }
}

async function coldLoad(range: { from: string; to: string; timeZone: string }) {
  const started = performance.now()
  const db = await openAccountStore(NAME)
  let timings = { readMs: 0, replayMs: 0 }
  const account = await loadAccount(db, { onTimings: (t) => (timings = t) })
  const coldLoadMs = Math.round(performance.now() - started)
  const reportStarted = performance.now()
  const report = account.engine.report(range)
  const rangeReportMs = Math.round(performance.now() - reportStarted)
  // the dashboard's heavier asks through the background's report source: the tier split (first
  // with the requester index built, then a range not asked before) and the retention analytics
  const source = accountReportSource({
    getAccount: () => account,
    settings: parseSettings({}).settings,
    version: () => 1,
  })
  const timed = async (ask: () => Promise<unknown>) => {
    const t = performance.now()
    await ask()
    return Math.round(performance.now() - t)
  }
  const other = { from: '2026-09-01', to: '2026-10-01', timeZone: range.timeZone }
  const tierSplitMs = await timed(() => source.report(range, { segments: 'tier' }))
  const tierSplitNewRangeMs = await timed(() => source.report(other, { segments: 'tier' }))
  const retentionMs = await timed(() => source.retention(range))
  const retentionNewRangeMs = await timed(() => source.retention(other))
  db.close()
  return {
    coldLoadMs,
    ...timings,
    rangeReportMs,
    tierSplitMs,
    tierSplitNewRangeMs,
    retentionMs,
    retentionNewRangeMs,
    held: account.engine.size,
    created: report.tickets.created,
    problems: account.problems.length,
  }
}

declare global {
  interface Window {
    storeBench: { write: typeof write; coldLoad: typeof coldLoad }
  }
}
window.storeBench = { write, coldLoad }
