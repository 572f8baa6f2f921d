/**
 * A count and its rate over a denominator; a rate with nothing to measure is null, never 0 or NaN
 * (docs/kpi-definitions.md A.1, "Empty sets").
 *
 * @param count - tickets meeting the condition
 * @param denominator - tickets measured (e.g. solved in the period)
 * @returns `{count, rate}`
 *
 * @example
 * rateKpi(3, 12) //=> { count: 3, rate: 0.25 }
 * rateKpi(0, 0) //=> { count: 0, rate: null }
 */
export function rateKpi(
  count: number,
  denominator: number,
): { count: number; rate: number | null } {
  return { count, rate: ratio(count, denominator) }
}

/**
 * `numerator / denominator`, or null when the denominator is not positive.
 *
 * @example
 * ratio(1, 4) //=> 0.25
 * ratio(0, 0) //=> null
 */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null
}
