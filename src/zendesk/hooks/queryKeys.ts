// Query-key factories: one per resource, so invalidation after a change notice can target
// exactly what changed (e.g. `queryKeys.requesterHistory.all` or one requester).

export const queryKeys = {
  currentUser: { all: ['currentUser'] as const },
  ticketRequester: { all: ['ticketRequester'] as const },
  ticketState: {
    all: ['ticketState'] as const,
    one: (ticketId: number) => ['ticketState', ticketId] as const,
  },
  scoreField: { all: ['scoreField'] as const },
  requesterHistory: {
    all: ['requesterHistory'] as const,
    one: (requesterId: number) => ['requesterHistory', requesterId] as const,
  },
  customerAssessment: {
    all: ['customerAssessment'] as const,
    one: (ticketId: number) => ['customerAssessment', ticketId] as const,
  },
  baseline: { all: ['baseline'] as const },
  teamReport: {
    all: ['teamReport'] as const,
    one: (from: string, to: string, timeZone: string, segments: string) =>
      ['teamReport', from, to, timeZone, segments] as const,
  },
  retentionReport: {
    all: ['retentionReport'] as const,
    one: (from: string, to: string) => ['retentionReport', from, to] as const,
  },
  drillDown: { all: ['drillDown'] as const },
  syncStatus: { all: ['syncStatus'] as const },
}
