// `npm run -s score -- --in FILE --ticket ID [--now ISO] [--json]`.

import { DatasetFormatError, ndjsonSource } from '../kpi/source'
import { runCommand } from '../command/run'
import type { CommandIo } from '../command/run'
import { parseArgs, USAGE } from './args'
import { formatScore } from './format'
import { loadDataset, loadSlaEvents } from './load'
import { scoreDatasetTicket, TicketNotFoundError } from './run'

/** The score command's output for these arguments. */
async function runScore(argv: readonly string[]): Promise<string> {
  const args = parseArgs(argv)
  if (args.help) return USAGE
  const data = await loadDataset(ndjsonSource(args.input))
  const events =
    args.events === null ? [] : await loadSlaEvents(ndjsonSource(args.events), args.ticketId)
  const result = scoreDatasetTicket(data, args.ticketId, args.now, {}, undefined, events)
  return args.json ? JSON.stringify(result, null, 2) : formatScore(result)
}

/** Exit codes: 0 done, 1 unreadable input or unknown ticket, 2 usage error. */
export function main(argv: readonly string[], io: CommandIo): Promise<number> {
  return runCommand(
    {
      name: 'score',
      usage: USAGE,
      inputErrors: [DatasetFormatError, TicketNotFoundError],
      run: runScore,
    },
    argv,
    io,
  )
}
