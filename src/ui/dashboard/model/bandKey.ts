// The key of a retention-by-resolution band in the kpi command's JSON.

/**
 * `0-4h` for a closed band, `168h+` for the open last one (`npm run kpi -- --retention --json`
 * keys `retention.byResolution.buckets` this way).
 *
 * @example
 * bandKey({ fromHours: 4, toHours: 8 }) //=> '4-8h'
 * bandKey({ fromHours: 168, toHours: null }) //=> '168h+'
 */
export function bandKey(band: { fromHours: number; toHours: number | null }): string {
  return band.toHours === null ? `${band.fromHours}h+` : `${band.fromHours}-${band.toHours}h`
}
