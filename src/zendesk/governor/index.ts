export { backoffDelay, createGovernor, limitClassOf, LIMIT_CLASSES } from './governor'
export type {
  GovernedResponse,
  Governor,
  GovernorEvent,
  GovernorOptions,
  GovernorStats,
  LimitClass,
  SendGate,
} from './governor'
export { stopOnWillDestroy } from './lifecycle'
export { createVirtualTimer, systemTimer } from './timer'
export type { Timer } from './timer'
