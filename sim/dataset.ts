// The account as NDJSON files, one export page per line: `writeDataset` on one thread, or
// `writeDatasetParallel` with worker threads rendering pages (sim/datasetWorker.ts) in order.
import { closeSync, openSync, writeSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

import type { DatasetWorkerData, DatasetWorkerMessage } from './datasetWorker'
import { DEFAULT_BASE_URL } from './entities'
import { checkPerPage, eventPagesOfSkeleton, exportOrder, pageStringsOfSkeleton } from './export'
import type { ExportOptions } from './export'
import { type Skeleton, buildSkeleton } from './skeleton'
import { DEFAULT_END_DATE } from './time'

export type WriteDatasetOptions = ExportOptions & {
  /** NDJSON file for the ticket export pages. */
  out: string
  /** Optional NDJSON file for the ticket metric event pages. */
  eventsOut?: string
}

export type WriteDatasetResult = {
  tickets: number
  pages: number
  bytes: number
  eventPages: number
}

function writePages(file: string, pages: Iterable<unknown>): { pages: number; bytes: number } {
  const fd = openSync(file, 'w')
  let count = 0
  let bytes = 0
  try {
    for (const page of pages) {
      // One write per page (a few MB): no intermediate Buffer copies, and the OS absorbs the stream.
      bytes += writeSync(fd, `${typeof page === 'string' ? page : JSON.stringify(page)}\n`)
      count++
    }
  } finally {
    closeSync(fd)
  }
  return { pages: count, bytes }
}

/** The metric event pages into `eventsOut`, when asked for; how many pages. */
function writeEventPages(
  options: WriteDatasetOptions,
  skeleton: Skeleton,
  perPage: number,
  baseUrl: string,
): number {
  if (options.eventsOut === undefined) return 0
  return writePages(options.eventsOut, eventPagesOfSkeleton(skeleton, perPage, baseUrl)).pages
}

/** Writes the account as NDJSON (one export page per line) and optionally the metric event pages. */
export function writeDataset(options: WriteDatasetOptions): WriteDatasetResult {
  const perPage = options.perPage ?? 1000
  checkPerPage(perPage)
  const skeleton = buildSkeleton(options)
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL
  const main = writePages(options.out, pageStringsOfSkeleton(skeleton, perPage, baseUrl))
  const eventPages = writeEventPages(options, skeleton, perPage, baseUrl)
  return { tickets: skeleton.ticketCount, pages: main.pages, bytes: main.bytes, eventPages }
}

/**
 * `writeDataset` on several worker threads (same bytes): the main thread computes the export order and
 * writes pages in order while workers render them. Use 2 workers on a 2-core machine.
 */
export async function writeDatasetParallel(
  options: WriteDatasetOptions & { workers?: number },
): Promise<WriteDatasetResult> {
  const workers = options.workers ?? 2
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) {
    throw new Error(`workers must be an integer from 1 to 16 (got ${workers})`)
  }
  if (workers === 1) return writeDataset(options)
  const perPage = options.perPage ?? 1000
  checkPerPage(perPage)
  const skeleton = buildSkeleton(options)
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL
  const keys = exportOrder(skeleton, skeleton.endMs)
  const shared = new SharedArrayBuffer(keys.byteLength)
  new Float64Array(shared).set(keys)
  const pages = Math.ceil(keys.length / perPage)
  const fd = openSync(options.out, 'w')
  let bytes = 0
  try {
    await new Promise<void>((resolve, reject) => {
      const pending = new Map<number, string>()
      let next = 0
      let finished = 0
      const pool: Worker[] = []
      const file = path.join(__dirname, `datasetWorker${path.extname(__filename)}`)
      // Workers load TypeScript through tsx's CommonJS hook when the simulator runs from source.
      const execArgv = file.endsWith('.ts') ? ['--require', require.resolve('tsx/cjs')] : []
      const fail = (err: unknown): void => {
        for (const w of pool) void w.terminate()
        reject(err instanceof Error ? err : new Error(String(err)))
      }
      for (let index = 0; index < workers; index++) {
        const data: DatasetWorkerData = {
          tickets: skeleton.ticketCount,
          seed: skeleton.seed,
          end: options.end ?? DEFAULT_END_DATE,
          perPage,
          baseUrl,
          order: shared,
          index,
          workers,
        }
        const worker = new Worker(file, { workerData: data, execArgv })
        pool.push(worker)
        worker.on('error', fail)
        worker.on('message', (msg: DatasetWorkerMessage) => {
          if ('done' in msg) {
            finished++
            if (finished === workers && next >= pages) resolve()
            return
          }
          pending.set(msg.page, msg.text)
          try {
            while (pending.has(next)) {
              const text = pending.get(next) ?? ''
              pending.delete(next)
              bytes += writeSync(fd, `${text}\n`)
              pool[next % workers]?.postMessage(1)
              next++
            }
          } catch (err) {
            fail(err)
            return
          }
          if (finished === workers && next >= pages) resolve()
        })
        worker.postMessage(3)
      }
      if (pages === 0) resolve()
    })
  } finally {
    closeSync(fd)
  }
  const eventPages = writeEventPages(options, skeleton, perPage, baseUrl)
  return { tickets: skeleton.ticketCount, pages, bytes, eventPages }
}
