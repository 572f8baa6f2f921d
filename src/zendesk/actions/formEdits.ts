// Which ticket properties the agent has changed in the open ticket form and not saved yet. The
// sidebar's writes read this so they never overwrite (or reload over) an agent's unsaved edits.

import { madeOnce } from '@/core'

import type { ZafClient, ZafEventHandler } from '../zaf/types'

export type FormEdits = {
  /** Properties (`ticket.tags`, `ticket.customField:custom_field_1`) edited since the last save. */
  edited(): ReadonlySet<string>
  /**
   * Announces a change the app itself is about to make, so its change event is not mistaken for
   * an agent's edit. The expectation is used once.
   */
  expect(property: string, value: unknown): void
  stop(): void
}

type ChangeEvent = { propertyName?: unknown; newValue?: unknown }

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = a.map(String).sort()
    const y = b.map(String).sort()
    return x.length === y.length && x.every((v, i) => v === y[i])
  }
  // A number field may come back as a string ("42") from the form.
  const text = (v: unknown) =>
    typeof v === 'number' || typeof v === 'string' ? String(v) : undefined
  return a === b || (text(a) !== undefined && text(a) === text(b))
}

/**
 * Follows `*.changed` events of the ticket form; a save (`ticket.submit.done`) clears the edits.
 *
 * @example
 * const edits = trackFormEdits(client)
 * // the agent changes the priority…
 * edits.edited().has('ticket.priority') //=> true
 */
export function trackFormEdits(client: ZafClient): FormEdits {
  const edited = new Set<string>()
  const expected: { property: string; value: unknown }[] = []
  const onChange: ZafEventHandler = (data) => {
    const { propertyName, newValue } = (data ?? {}) as ChangeEvent
    if (typeof propertyName !== 'string' || !propertyName.startsWith('ticket.')) return
    const at = expected.findIndex((e) => e.property === propertyName && same(e.value, newValue))
    if (at >= 0) {
      expected.splice(at, 1)
      return
    }
    edited.add(propertyName)
  }
  const onSaved: ZafEventHandler = () => {
    edited.clear()
  }
  client.on('*.changed', onChange)
  client.on('ticket.submit.done', onSaved)
  return {
    edited: () => edited,
    expect(property, value) {
      expected.push({ property, value })
      // Forget stale expectations: an event that never came must not hide a later agent edit.
      if (expected.length > 20) expected.shift()
    },
    stop() {
      client.off('*.changed', onChange)
      client.off('ticket.submit.done', onSaved)
    },
  }
}

const trackers = new WeakMap<ZafClient, FormEdits>()

/**
 * The one tracker of a client's ticket form, started on first use and kept while the page lives.
 * Starting it when the client is created (before the sidebar's first render) means an edit made
 * while the sidebar loads is never missed.
 *
 * @example
 * formEditsOf(client) === formEditsOf(client) //=> true
 */
export function formEditsOf(client: ZafClient): FormEdits {
  return madeOnce(trackers, client, () => trackFormEdits(client))
}
