// Worker thread of `writeDatasetParallel`: rebuilds the skeleton from the same options and renders the
// export pages assigned to it (page p goes to worker p mod W), sending each page string to the main
// thread, which writes them in order. Credits from the main thread bound the pages in flight.
import { parentPort, workerData } from 'node:worker_threads'

import { ticketPageString, unpackKey } from './export'
import { buildSkeleton } from './skeleton'

export type DatasetWorkerData = {
  tickets: number
  seed: number
  end: string
  perPage: number
  baseUrl: string
  /** Export order keys (shared, read-only). */
  order: SharedArrayBuffer
  index: number
  workers: number
}

export type DatasetWorkerMessage = { page: number; text: string } | { done: true }

function run(): void {
  const port = parentPort
  if (!port) throw new Error('datasetWorker must run in a worker thread')
  const data = workerData as DatasetWorkerData
  const skeleton = buildSkeleton({ tickets: data.tickets, seed: data.seed, end: data.end })
  const order = new Float64Array(data.order)
  const pages = Math.ceil(order.length / data.perPage)
  const ids = new Uint32Array(data.perPage)
  let page = data.index
  let credits = 0
  const pump = (): void => {
    while (credits > 0 && page < pages) {
      const start = page * data.perPage
      const count = Math.min(data.perPage, order.length - start)
      for (let k = 0; k < count; k++) ids[k] = unpackKey(order[start + k] ?? 0).id
      const text = ticketPageString(
        skeleton,
        ids.subarray(0, count),
        skeleton.endMs,
        data.baseUrl,
        {
          first: page === 0,
          last: start + count >= order.length,
        },
      )
      port.postMessage({ page, text } satisfies DatasetWorkerMessage)
      page += data.workers
      credits--
    }
    if (page >= pages) {
      port.postMessage({ done: true } satisfies DatasetWorkerMessage)
      port.close()
    }
  }
  port.on('message', (n: number) => {
    credits += n
    pump()
  })
}

run()
