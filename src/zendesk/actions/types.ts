// What a sidebar write did. Every outcome is shown to the agent; a failure says what and why.

import type { Governor } from '../governor'
import type { ZafClient } from '../zaf/types'
import type { FormEdits } from './formEdits'

export type WriteOutcome =
  /** Saved through the API (`api`), or put into the form to be saved with the agent's save (`form`). */
  | { kind: 'written'; via: 'api' | 'form' }
  /** The ticket already holds the value. */
  | { kind: 'unchanged' }
  /** The agent is editing the same property: left alone until they save. */
  | { kind: 'waiting' }
  | { kind: 'failed'; message: string }

export type WriteContext = {
  client: ZafClient
  /** The governed API client (writes count against the app's API budget like reads). */
  governor: Pick<Governor, 'execute'>
  edits: FormEdits
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
