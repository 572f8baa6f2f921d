// The shared budget for a ZAF client whose account is not known yet (a hook that has only the
// client): the gate looks the subdomain up once, on the first send.

import { madeOnce } from '@/core'

import type { GovernorOptions, SendGate } from '../governor'
import type { ZafClient } from '../zaf/types'
import { browserBudget } from './browserBudget'
import type { SharedBudget } from './sharedBudget'
import type { BudgetKind } from './types'

const budgets = new Map<string, SharedBudget>()

/** One SharedBudget object per account in this document. */
export function budgetFor(subdomain: string): SharedBudget {
  return madeOnce(budgets, subdomain, () => browserBudget(subdomain))
}

/**
 * Governor options that put a ZAF client's requests under the browser-wide budget of its account.
 * If the context cannot be read, requests go out under the instance's own governor only (as before
 * the shared budget), never blocked.
 *
 * @example
 * createZafZendeskClient(zaf, settings, zafBudgetOptions(zaf, 'interactive'))
 */
export function zafBudgetOptions<O extends GovernorOptions>(
  zaf: Pick<ZafClient, 'context'>,
  kind: BudgetKind,
  options?: O,
): O {
  const lookup: Promise<SharedBudget | null> = zaf.context().then(
    (context) => budgetFor(context.account.subdomain),
    () => null,
  )
  const given = (options ?? {}) as O
  const gate: SendGate = {
    async acquire(request, signal) {
      const budget = await lookup
      if (budget !== null) await budget.gate(kind).acquire(request, signal)
    },
  }
  return {
    ...given,
    sendGate: gate,
    onEvent: (event) => {
      if (event.type === 'pause') {
        void lookup.then((budget) => budget?.pause(event.until)).catch(() => undefined)
      }
      given.onEvent?.(event)
    },
  }
}
