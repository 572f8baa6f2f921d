// `npm run -s score -- --in FILE --ticket ID [--now ISO] [--json]`.

import { DatasetFormatError, ndjsonSource } from '../kpi/source'
import { parseArgs, USAGE, UsageError } from './args'
import { formatScore } from './format'
import { loadDataset, loadSlaEvents } from './load'
import { scoreDatasetTicket, TicketNotFoundError } from './run'

/** Exit codes: 0 done, 1 unreadable input or unknown ticket, 2 usage error. */
export async function main(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  try {
    const args = parseArgs(argv)
    if (args.help) {
      io.out(USAGE)
      return 0
    }
    const data = await loadDataset(ndjsonSource(args.input))
    const events =
      args.events === null ? [] : await loadSlaEvents(ndjsonSource(args.events), args.ticketId)
    const result = scoreDatasetTicket(data, args.ticketId, args.now, {}, undefined, events)
    io.out(args.json ? JSON.stringify(result, null, 2) : formatScore(result))
    return 0
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`score: ${err.message}\n${USAGE}`)
      return 2
    }
    if (err instanceof DatasetFormatError || err instanceof TicketNotFoundError) {
      io.err(`score: ${err.message}`)
      return 1
    }
    const e = err as NodeJS.ErrnoException
    if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
      io.err(`score: cannot read ${e.path ?? 'input'}: ${e.code}`)
      return 1
    }
    throw err
  }
}
