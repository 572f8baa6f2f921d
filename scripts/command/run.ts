// The entry shared by the `kpi` and `score` commands: one place that maps what went wrong to an
// exit code and a message, and one place that wires a command to the process.
import { UsageError } from './args'

export interface CommandIo {
  out: (s: string) => void
  err: (s: string) => void
}

export interface Command {
  /** The command's name, the first word of each error line. */
  name: string
  usage: string
  /** Errors of the input itself (bad format, unknown ticket): their message, exit code 1. */
  inputErrors: ReadonlyArray<abstract new (...args: never[]) => Error>
  /** The output for these arguments, or throws. */
  run: (argv: readonly string[]) => Promise<string>
}

// A file that is missing, a folder, or not readable: said in one line, not a stack trace.
const UNREADABLE = new Set(['ENOENT', 'EISDIR', 'EACCES'])

/**
 * Runs a command. Exit codes: 0 done, 1 the input cannot be read or is not what the command reads,
 * 2 a usage error (printed with the usage text). Anything else is a bug and is rethrown.
 *
 * @example
 * await runCommand(command, ['--in', 'missing.ndjson'], io) //=> 1, io.err('kpi: cannot read missing.ndjson: ENOENT')
 */
export async function runCommand(
  command: Command,
  argv: readonly string[],
  io: CommandIo,
): Promise<number> {
  try {
    io.out(await command.run(argv))
    return 0
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${command.name}: ${err.message}\n${command.usage}`)
      return 2
    }
    if (command.inputErrors.some((type) => err instanceof type)) {
      io.err(`${command.name}: ${(err as Error).message}`)
      return 1
    }
    const e = err as NodeJS.ErrnoException
    if (typeof e.code === 'string' && UNREADABLE.has(e.code)) {
      io.err(`${command.name}: cannot read ${e.path ?? 'input'}: ${e.code}`)
      return 1
    }
    throw err
  }
}

/**
 * Runs `main` on the process's arguments: its result is the exit code, and an error it throws is
 * printed with its stack and exits 1.
 *
 * @example
 * runProcess(main) // in scripts/kpi.ts
 */
export function runProcess(
  main: (argv: readonly string[], io: CommandIo) => Promise<number>,
): void {
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  })
    .then((code) => {
      process.exitCode = code
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err)
      process.exitCode = 1
    })
}
