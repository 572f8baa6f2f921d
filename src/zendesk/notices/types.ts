// Change notices: after each committed page the background tells the app's other instances in
// this browser what changed, so views refresh only that. Sent on a BroadcastChannel named
// `retention-radar:<subdomain>` (same origin for every instance of the app).

export const NOTICE_VERSION = 1

export type ChangeNotice = (
  | {
      app: 'retention-radar'
      v: typeof NOTICE_VERSION
      kind: 'tickets'
      /** Ids of the tickets whose records changed, and the requesters they belong to. */
      ticketIds: number[]
      requesterIds: number[]
      at: number
    }
  | {
      app: 'retention-radar'
      v: typeof NOTICE_VERSION
      kind: 'slaEvents'
      ticketIds: number[]
      at: number
    }
  | { app: 'retention-radar'; v: typeof NOTICE_VERSION; kind: 'people'; at: number }
  | { app: 'retention-radar'; v: typeof NOTICE_VERSION; kind: 'baseline'; at: number }
  | { app: 'retention-radar'; v: typeof NOTICE_VERSION; kind: 'syncStatus'; at: number }
) & {
  /** The sending instance's guid: a background tells another tab's commits from its own. */
  from?: string
}
