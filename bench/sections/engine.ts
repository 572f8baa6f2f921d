// `engine` section: the KPI engine holding 1,000,000 tickets against DuckDB computing the same KPIs
// with SQL over the same columns, in the same run. Data: the simulator's seeded export
// (sim/export.ts) normalised like the kpi command does; synthetic columns if the simulator is absent.
// BENCH_ENGINE_TICKETS overrides the ticket count for quick runs; BENCH_ENGINE_SYNTHETIC=1 uses the
// synthetic records even where the simulator is, to check them.
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { DuckDBInstance } from '@duckdb/node-api'
import type { DuckDBConnection } from '@duckdb/node-api'

import { DURATION_METRICS, KpiEngine, localMidnight, formatDay } from '@/core'
import type { KpiReport, TicketRecord } from '@/core'
import { normalizeTicketPage } from '@/zendesk/normalize'
import { mulberry32 as prng } from '../prng'
import { syntheticEngineRecords } from '../syntheticEngineRecords'

const TICKETS = Number(process.env.BENCH_ENGINE_TICKETS ?? 1_000_000)
const SYNTHETIC_ONLY = process.env.BENCH_ENGINE_SYNTHETIC === '1'
const CHANGED = 1000
const RUNS = 5
const TIME_ZONE = 'Europe/Paris'
const DAY = 86_400_000

// DATA

async function loadFromSimulator(engine: KpiEngine): Promise<boolean> {
  let sim: { generateExportPages: (o: { tickets: number; seed: number }) => Iterable<unknown> }
  try {
    sim = await import('@sim/export')
  } catch {
    return false
  }
  for (const page of sim.generateExportPages({ tickets: TICKETS, seed: 1 })) {
    const n = normalizeTicketPage(page as { tickets?: unknown; metric_sets?: unknown })
    engine.upsertMany(n.records)
  }
  return true
}

function loadSynthetic(engine: KpiEngine): void {
  const end = Date.UTC(2025, 0, 1) + 540 * DAY
  const shape = { tickets: TICKETS, end, seed: 42, requesters: 100_000, agents: 60, groups: 6 }
  for (const t of syntheticEngineRecords(shape)) engine.upsert(t)
}

// DUCKDB

const MINUTE_COLUMNS = ['fr', 'fres', 'full', 'rw', 'aw', 'oh'] as const

function csvOf(engine: KpiEngine, file: string): void {
  const chunks: string[] = []
  const header = [
    'id',
    'status',
    'channel',
    'created',
    'solved',
    'assignee',
    'grp',
    'replies',
    'reopens',
    'stations',
    'csat',
    ...MINUTE_COLUMNS.flatMap((m) => [`${m}_c`, `${m}_b`]),
  ]
  chunks.push(header.join(','))
  const v = (x: number | null): string => (x === null ? '' : String(x))
  for (const t of engine.tickets()) {
    const cells = [
      t.id,
      t.status,
      t.channel,
      t.createdAt,
      v(t.solvedAt),
      v(t.assigneeId),
      v(t.groupId),
      v(t.replies),
      v(t.reopens),
      v(t.assigneeStations),
      t.csat,
      ...DURATION_METRICS.flatMap((m) => [v(t.minutes[m].calendar), v(t.minutes[m].business)]),
    ]
    chunks.push(cells.join(','))
  }
  writeFileSync(file, chunks.join('\n') + '\n')
}

function periodSql(from: number, to: number): string[] {
  const live = `status <> 'deleted'`
  const created = `${live} AND created >= ${from} AND created < ${to}`
  const solved = `${live} AND status IN ('solved', 'closed') AND solved >= ${from} AND solved < ${to}`
  const local = `timezone('${TIME_ZONE}', to_timestamp(created / 1000.0))`
  const stats = (col: string): string =>
    `count(${col}), avg(${col}), quantile_cont(${col}, [0.5, 0.9])`
  const team = (key: string): string =>
    `SELECT ${key}, count(*), median(fr_c), median(full_c), count_if(replies < 2) / count(*),
       count_if(csat = 'good') / nullif(count_if(csat IN ('good', 'bad')), 0)
     FROM t WHERE ${solved} GROUP BY ${key}`
  return [
    `SELECT count(*), count(*) - count(fr_c), ${stats('fr_c')}, ${stats('fr_b')} FROM t WHERE ${created}`,
    `SELECT channel, count(*) FROM t WHERE ${created} GROUP BY channel`,
    `SELECT CAST(${local} AS DATE) AS d, count(*) FROM t WHERE ${created} GROUP BY d`,
    `SELECT isodow(l) - 1, hour(l), count(*) FROM (SELECT ${local} AS l FROM t WHERE ${created}) GROUP BY ALL`,
    `SELECT channel, CASE WHEN fr_c < 60 THEN 0 WHEN fr_c < 120 THEN 1 WHEN fr_c < 360 THEN 2
       WHEN fr_c < 720 THEN 3 WHEN fr_c < 1440 THEN 4 ELSE 5 END AS b, count(*)
     FROM t WHERE ${created} AND fr_c IS NOT NULL GROUP BY ALL`,
    `SELECT count(*) FROM t WHERE ${live} AND created < ${to}
       AND NOT (status IN ('solved', 'closed') AND solved IS NOT NULL AND solved < ${to})`,
    `SELECT count(*), ${MINUTE_COLUMNS.slice(1)
      .flatMap((m) => [`count(*) - count(${m}_c)`, stats(`${m}_c`), stats(`${m}_b`)])
      .join(', ')},
       count_if(replies >= 0 AND replies < 2), count_if(reopens > 0), count_if(stations > 1),
       count_if(csat = 'good'), count_if(csat = 'bad'), count_if(csat = 'offered')
     FROM t WHERE ${solved}`,
    team('assignee'),
    team('grp'),
  ]
}

async function duckdbReport(
  con: DuckDBConnection,
  bounds: number[],
): Promise<{ created: number; solved: number; fullMedian: number; fullP90: number }> {
  const [pFrom, from, to] = bounds as [number, number, number]
  const results: unknown[][][] = []
  for (const sql of [...periodSql(from, to), ...periodSql(pFrom, from)]) {
    results.push((await con.runAndReadAll(sql)).getRowsJS())
  }
  const createdRow = results[0]?.[0] ?? []
  const solvedRow = results[6]?.[0] ?? []
  // solved row: count, then per metric (pending, 3 calendar cells, 3 business cells); full = 2nd
  const fullQuantiles = (solvedRow[1 + 7 + 3] ?? [null, null]) as [number, number]
  return {
    created: Number(createdRow[0]),
    solved: Number(solvedRow[0]),
    fullMedian: fullQuantiles[0],
    fullP90: fullQuantiles[1],
  }
}

// TIMING

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

async function timeIt(fn: () => unknown): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

/** Sorted-key JSON so that two reports compare by content. */
function canonical(r: KpiReport): string {
  return JSON.stringify(r, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )
}

function changed(t: TicketRecord, i: number): TicketRecord {
  const updatedAt = t.updatedAt + 60_000
  if (t.status === 'solved' || t.status === 'closed') {
    return { ...t, status: 'open', updatedAt, reopens: (t.reopens ?? 0) + 1 }
  }
  const solvedAt = t.createdAt + (i + 1) * 3_600_000
  return {
    ...t,
    status: 'solved',
    updatedAt: Math.max(updatedAt, solvedAt),
    solvedAt,
    replies: 1,
    minutes: {
      ...t.minutes,
      fullResolution: { calendar: (i + 1) * 60, business: (i + 1) * 20 },
      firstResolution: { calendar: (i + 1) * 60, business: (i + 1) * 20 },
    },
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const engine = new KpiEngine({ initialCapacity: TICKETS })
  const heapBefore = process.memoryUsage()
  const t0 = performance.now()
  const fromSimulator = !SYNTHETIC_ONLY && (await loadFromSimulator(engine))
  if (!fromSimulator) loadSynthetic(engine)
  const loadMs = performance.now() - t0
  const heapAfter = process.memoryUsage()
  const extent = engine.dataExtent()
  if (extent === null) throw new Error('engine bench: no tickets loaded')
  // the whole history as the period, so every ticket is in the report
  const fromDay = Math.floor(extent.first / DAY) - 1
  const toDay = Math.floor(extent.last / DAY) + 2
  const range = { from: formatDay(fromDay), to: formatDay(toDay), timeZone: TIME_ZONE }
  const bounds = [fromDay - (toDay - fromDay), fromDay, toDay].map((d) =>
    localMidnight(TIME_ZONE, d),
  )

  // engine: full reports
  let report = engine.report(range)
  report = engine.report(range) // warm-up: compile the scan paths before timing
  const reportRuns: number[] = []
  for (let i = 0; i < RUNS; i++)
    reportRuns.push(await timeIt(() => (report = engine.report(range))))

  // refresh: apply 1,000 changed tickets to a live report and re-report
  const live = engine.live(range)
  live.report() // settle the live structures once, as a dashboard would after its first render
  // rounds of 1,000 changed tickets each; the median timed round is reported
  const rnd = prng(7)
  const refreshRuns: number[] = []
  let refreshed: KpiReport | undefined
  // one untimed warm-up round compiles the upsert-with-live path, then RUNS timed rounds
  for (let round = -1; round < RUNS; round++) {
    const picks = new Map<number, TicketRecord>()
    while (picks.size < CHANGED) {
      const t = engine.get(1 + Math.floor(rnd() * engine.size))
      if (t !== undefined && t.status !== 'deleted' && !picks.has(t.id)) {
        picks.set(t.id, changed(t, picks.size))
      }
    }
    const ms = await timeIt(() => {
      for (const t of picks.values()) engine.upsert(t)
      refreshed = live.report()
    })
    if (round >= 0) refreshRuns.push(ms)
  }
  const refreshMs = median(refreshRuns)
  const refreshMatches =
    refreshed !== undefined && canonical(refreshed) === canonical(engine.report(range))
  live.close()

  // DuckDB: same columns (the engine's data after the refresh rounds), same KPIs
  const dir = mkdtempSync(path.join(tmpdir(), 'engine-bench-'))
  const csv = path.join(dir, 'tickets.csv')
  csvOf(engine, csv)
  const instance = await DuckDBInstance.create(':memory:')
  const con = await instance.connect()
  const minuteCols = MINUTE_COLUMNS.flatMap((m) => [`'${m}_c': 'DOUBLE'`, `'${m}_b': 'DOUBLE'`])
  await con.run(
    `CREATE TABLE t AS SELECT * FROM read_csv('${csv}', header = true, columns = {
      'id': 'BIGINT', 'status': 'VARCHAR', 'channel': 'VARCHAR', 'created': 'BIGINT',
      'solved': 'BIGINT', 'assignee': 'BIGINT', 'grp': 'BIGINT', 'replies': 'INTEGER',
      'reopens': 'INTEGER', 'stations': 'INTEGER', 'csat': 'VARCHAR', ${minuteCols.join(', ')}})`,
  )
  rmSync(dir, { recursive: true, force: true })
  let duck = await duckdbReport(con, bounds)
  const duckRuns: number[] = []
  for (let i = 0; i < RUNS; i++) {
    duckRuns.push(await timeIt(async () => (duck = await duckdbReport(con, bounds))))
  }
  report = engine.report(range) // the data after the refresh rounds, as loaded into DuckDB
  const agree =
    duck.created === report.tickets.created &&
    duck.solved === report.tickets.solved &&
    duck.fullMedian === report.fullResolutionMinutes.median &&
    Math.abs(duck.fullP90 - (report.fullResolutionMinutes.p90 ?? NaN)) < 1e-6

  const reportMs = median(reportRuns)
  const duckdbMs = median(duckRuns)
  return {
    tickets: engine.size,
    reportMs: Math.round(reportMs * 10) / 10,
    duckdbMs: Math.round(duckdbMs * 10) / 10,
    ratio: Math.round((reportMs / duckdbMs) * 1000) / 1000,
    refreshMs: Math.round(refreshMs * 10) / 10,
    refreshShare: Math.round((refreshMs / reportMs) * 1000) / 1000,
    bytesPerTicket: Math.round((engine.byteLength / engine.size) * 10) / 10,
    data: fromSimulator ? 'simulator (seed 1)' : 'synthetic (seed 42)',
    period: range,
    agreesWithDuckdb: agree,
    refreshMatchesFullReport: refreshMatches,
    loadMs: Math.round(loadMs),
    runsMs: {
      report: reportRuns.map(Math.round),
      duckdb: duckRuns.map(Math.round),
      refresh: refreshRuns.map(Math.round),
    },
    heapBytesPerTicket: Math.round(
      (heapAfter.heapUsed +
        heapAfter.arrayBuffers -
        heapBefore.heapUsed -
        heapBefore.arrayBuffers) /
        engine.size,
    ),
  }
}
