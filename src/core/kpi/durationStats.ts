import type { DurationStats } from '../types'
import type { ValueSink } from '../_lib/valueSink'

/**
 * Count, mean, median and p90 over non-null durations (nulls are "not yet" and never enter)
 * [Z-DUR]; percentiles exact with linear interpolation (numpy default, DuckDB `quantile_cont`).
 * All statistics are null when nothing was measured.
 *
 * @param sum - sum of the values in `sink`
 * @param sink - the values
 *
 * @example
 * const sink = new ValueBuffer()
 * ;[10, 20, 30, 40].forEach((v) => sink.add(v))
 * durationStats(100, sink) //=> { count: 4, mean: 25, median: 25, p90: 37 }
 */
export function durationStats(sum: number, sink: ValueSink): DurationStats {
  const count = sink.count
  if (count <= 0) return { count: 0, mean: null, median: null, p90: null }
  const { median, p90 } = sink.medianAndP90()
  return { count, mean: sum / count, median, p90 }
}
