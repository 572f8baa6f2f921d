/**
 * The memory key of a warning: one per ticket, SLA metric and assignee, so a ticket reassigned to
 * someone else warns its new assignee too.
 *
 * @param ticketId the ticket
 * @param metric the SLA metric (`first_reply_time`, `requester_wait_time`, …)
 * @param assigneeId the agent who was (or is to be) warned
 * @returns a string key
 *
 * @example
 * slaWarningKey(42, 'first_reply_time', 7) //=> '42:first_reply_time:7'
 */
export function slaWarningKey(ticketId: number, metric: string, assigneeId: number): string {
  return `${ticketId}:${metric}:${assigneeId}`
}
