import { readArgs, UsageError } from '../../scripts/command/args'
import { runCommand } from '../../scripts/command/run'
import type { Command } from '../../scripts/command/run'

const SPEC = { switches: ['--json'], values: ['--in'] }

class BadInput extends Error {}

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err }
}

const command = (run: Command['run']): Command => ({
  name: 'demo',
  usage: 'usage: demo --in FILE',
  inputErrors: [BadInput],
  run,
})

describe('readArgs', () => {
  it('reads switches, values and help', () => {
    const args = readArgs(['--in', 'a.ndjson', '--json', '-h'], SPEC)
    expect([...args.switches]).toEqual(['--json'])
    expect(args.values.get('--in')).toBe('a.ndjson')
    expect(args.help).toBe(true)
  })

  it.each([
    [['--out', 'x'], "unknown argument '--out'"],
    [['--in'], '--in needs a value'],
    [['--in', '--json'], '--in needs a value'],
  ])('rejects %j: %s', (argv, message) => {
    expect(() => readArgs(argv, SPEC)).toThrow(new UsageError(message))
  })
})

describe('runCommand', () => {
  it('prints the output and exits 0', async () => {
    const { io, out } = capture()
    await expect(
      runCommand(
        command(() => Promise.resolve('done')),
        [],
        io,
      ),
    ).resolves.toBe(0)
    expect(out).toEqual(['done'])
  })

  it('exits 2 on a usage error, with the usage text', async () => {
    const { io, err } = capture()
    const run = () => Promise.reject(new UsageError('--in FILE is required'))
    await expect(runCommand(command(run), [], io)).resolves.toBe(2)
    expect(err).toEqual(['demo: --in FILE is required\nusage: demo --in FILE'])
  })

  it('exits 1 on an input error or an unreadable file', async () => {
    const { io, err } = capture()
    await expect(
      runCommand(
        command(() => Promise.reject(new BadInput('line 3: not JSON'))),
        [],
        io,
      ),
    ).resolves.toBe(1)
    const missing = Object.assign(new Error('gone'), { code: 'ENOENT', path: 'x.ndjson' })
    await expect(
      runCommand(
        command(() => Promise.reject(missing)),
        [],
        io,
      ),
    ).resolves.toBe(1)
    expect(err).toEqual(['demo: line 3: not JSON', 'demo: cannot read x.ndjson: ENOENT'])
  })

  it('hides a value the command marked secret in every message, a rethrown error included', async () => {
    const { io, err } = capture()
    const failing = command((_argv, context) => {
      context.secret('tok-abcdef')
      return Promise.reject(new BadInput('GET /x as tok-abcdef: refused'))
    })
    await expect(runCommand(failing, [], io)).resolves.toBe(1)
    expect(err).toEqual(['demo: GET /x as ***: refused'])
    const crashing = command((_argv, context) => {
      context.secret('tok-abcdef')
      return Promise.reject(new TypeError('cannot read tok-abcdef'))
    })
    await expect(runCommand(crashing, [], io)).rejects.toThrow(/^cannot read \*\*\*$/)
  })

  it('rethrows anything else', async () => {
    const { io } = capture()
    const bug = new TypeError('a bug')
    await expect(
      runCommand(
        command(() => Promise.reject(bug)),
        [],
        io,
      ),
    ).rejects.toBe(bug)
  })
})
