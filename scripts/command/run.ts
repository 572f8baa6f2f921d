// The entry shared by the `kpi` and `score` commands: one place that maps what went wrong to an
// exit code and a message (with secrets hidden), and one place that wires a command to the process.
import { UsageError } from './args'

export interface CommandIo {
  out: (s: string) => void
  err: (s: string) => void
}

export interface RunContext {
  /** Marks a value no message may show (an API token): it is printed as `***` from then on. */
  secret(value: string): void
}

export interface Command {
  /** The command's name, the first word of each error line. */
  name: string
  usage: string
  /** Errors of the input itself (bad format, unknown ticket, a failed sync): their message, exit code 1. */
  inputErrors: ReadonlyArray<abstract new (...args: never[]) => Error>
  /** The output for these arguments, or throws. */
  run: (argv: readonly string[], context: RunContext) => Promise<string>
}

// A file that is missing, a folder, or not readable: said in one line, not a stack trace.
const UNREADABLE = new Set(['ENOENT', 'EISDIR', 'EACCES'])

/**
 * Runs a command. Exit codes: 0 done, 1 the input cannot be read or is not what the command reads,
 * 2 a usage error (printed with the usage text). Anything else is a bug and is rethrown. A value
 * the command marked secret is hidden in every message, the rethrown error's included.
 *
 * @example
 * await runCommand(command, ['--in', 'missing.ndjson'], io) //=> 1, io.err('kpi: cannot read missing.ndjson: ENOENT')
 */
export async function runCommand(
  command: Command,
  argv: readonly string[],
  io: CommandIo,
): Promise<number> {
  const secrets: string[] = []
  // a very short "secret" would blank ordinary words, so only real tokens are hidden
  const hide = (text: string): string =>
    secrets.reduce((t, secret) => (secret.length >= 4 ? t.split(secret).join('***') : t), text)
  const err = (text: string): void => io.err(hide(text))
  try {
    io.out(await command.run(argv, { secret: (value) => secrets.push(value) }))
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${command.name}: ${error.message}\n${command.usage}`)
      return 2
    }
    if (command.inputErrors.some((type) => error instanceof type)) {
      err(`${command.name}: ${(error as Error).message}`)
      return 1
    }
    const e = error as NodeJS.ErrnoException
    if (typeof e.code === 'string' && UNREADABLE.has(e.code)) {
      err(`${command.name}: cannot read ${e.path ?? 'input'}: ${e.code}`)
      return 1
    }
    if (error instanceof Error && secrets.length > 0) {
      error.message = hide(error.message)
      if (error.stack !== undefined) error.stack = hide(error.stack)
    }
    throw error
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
