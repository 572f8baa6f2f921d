export { createSharedBudget, interactiveReserveOf, parseLedger } from './sharedBudget'
export type { SharedBudget } from './sharedBudget'

export { zafBudgetOptions } from './zafBudget'
export type { BudgetKind } from './types'
