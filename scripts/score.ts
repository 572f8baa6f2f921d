// `npm run -s score -- --in FILE --ticket ID [--now ISO] [--json]`
// The value model for one ticket of a dataset: customer value, tier, churn risk, retention value
// and the priority score with its factor breakdown (docs/value-model.md).
import { main } from './score/main'

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
