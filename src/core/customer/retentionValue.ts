// Retention value: the customer value at stake, weighted by churn risk.

export interface RetentionValue {
  /** value × churn risk, rounded to cents (or 0.01 points for estimates). */
  amount: number
  value: number
  churnRisk: number
  currency: string | null
}

/**
 * The value at stake if the customer is lost now: `value × churnRisk` ("expected return" of
 * keeping them, after docs/kpi-definitions.md B.6: P(churn) × CLV). Always returned next to both of its
 * parts so the number can be explained. NaN or negative inputs count as 0; risk is clamped to 0..1.
 *
 * @example
 * retentionValue(2400, 0.25, 'USD') //=> { amount: 600, value: 2400, churnRisk: 0.25, currency: 'USD' }
 */
export function retentionValue(
  value: number,
  churnRisk: number,
  currency: string | null,
): RetentionValue {
  const v = Number.isFinite(value) && value > 0 ? value : 0
  const r = churnRisk > 0 ? Math.min(churnRisk, 1) : 0
  return { amount: Math.round(v * r * 100) / 100, value: v, churnRisk: r, currency }
}
