// Readable text of a score result.

import type { ScoreOutput } from './run'

const amount = (v: number, currency: string | null): string =>
  `${v.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(v) ? 0 : 2 })}${currency === null ? ' points (estimate)' : ` ${currency}`}`

/** The score of one ticket as a few aligned lines. */
export function formatScore(o: ScoreOutput): string {
  const c = o.customer
  const tier = `${c.tier}${c.tierSource === 'tag' ? ` (tag ${c.tierTag ?? ''})` : ` (by ${c.tierSource})`}`
  const next =
    c.nextTier === null
      ? 'top tier'
      : `${c.nextTier.tier} at ${amount(c.nextTier.at, c.currency)} (${amount(c.nextTier.gap, c.currency)} to go)`
  const lines = [
    `Ticket ${o.ticket.id} (${o.ticket.status}, ${o.ticket.priority ?? 'no priority'}, ${o.ticket.channel}) as of ${o.now}`,
    '',
    `Customer ${c.id ?? 'unknown'}`,
    `  value            ${amount(c.value, c.currency)} from ${c.valueField ?? c.valueSource}`,
    `  tier             ${tier}; next: ${next}`,
    `  churn risk       ${Math.round(c.churnRisk * 100)} % (${c.churnLevel})`,
    `  retention value  ${amount(c.retentionValue, c.currency)} (value × churn risk)`,
  ]
  if (c.flags.length > 0) lines.push(`  flags            ${c.flags.join(', ')}`)
  lines.push('', `Priority ${o.priority.score} / 100 (${o.priority.level})`)
  for (const f of o.priority.factors) {
    const pts = f.contribution.toFixed(1).padStart(5)
    lines.push(`  ${pts}  ${f.key.padEnd(15)} ${f.reason}${f.missing ? ' [missing: neutral]' : ''}`)
  }
  return lines.join('\n')
}
