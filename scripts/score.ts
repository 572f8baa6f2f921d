// `npm run -s score -- --in FILE --ticket ID [--now ISO] [--json]`
// The value model for one ticket of a dataset: customer value, tier, churn risk, retention value
// and the priority score with its factor breakdown (docs/value-model.md).
import { runProcess } from './command/run'
import { main } from './score/main'

runProcess(main)
