// Reads a figure from a report by its kpi path, as the browser tests read the kpi command's JSON.

/**
 * The number at a dotted path (`firstReplyMinutes.median`, `agents.3.solved`), or null when the
 * path leads nowhere or to something that is not a finite number.
 *
 * @example
 * valueAtPath({ csat: { score: 0.9 } }, 'csat.score') //=> 0.9
 * valueAtPath({ csat: {} }, 'csat.score') //=> null
 */
export function valueAtPath(root: unknown, path: string): number | null {
  let node: unknown = root
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return null
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null
}
