// SLA targets (ticket × metric × instance) folded from ticket metric events as they arrive, so
// events may come in any order and more than once.

import { slaOutcome, slaStats } from '../kpi/slaAchievement'
import { SLA_METRICS } from '../types'
import type { SlaEvent, SlaKpi, SlaMetric } from '../types'

const METRIC_CODE = new Map<SlaMetric, number>(SLA_METRICS.map((m, i) => [m, i]))

/** Targets in parallel arrays; a target's key is `ticketId:metric:instance`. */
export class SlaStore {
  private readonly index = new Map<string, number>()
  ticketId: number[] = []
  metric: number[] = []
  instance: number[] = []
  appliedAt: number[] = []
  fulfilledAt: number[] = []
  breachedAt: number[] = []
  /** Bumped on every change, so live reports know when to recompute SLA figures. */
  version = 0

  get size(): number {
    return this.ticketId.length
  }

  add(e: SlaEvent): void {
    const key = `${e.ticketId}:${e.metric}:${e.instanceId}`
    let i = this.index.get(key)
    if (i === undefined) {
      i = this.ticketId.length
      this.index.set(key, i)
      this.ticketId.push(e.ticketId)
      this.metric.push(METRIC_CODE.get(e.metric) ?? 0)
      this.instance.push(e.instanceId)
      this.appliedAt.push(NaN)
      this.fulfilledAt.push(NaN)
      this.breachedAt.push(NaN)
    }
    const min = (a: number, t: number): number => (Number.isNaN(a) || t < a ? t : a)
    const max = (a: number, t: number): number => (Number.isNaN(a) || t > a ? t : a)
    switch (e.type) {
      case 'apply_sla':
      case 'apply_group_sla':
        this.appliedAt[i] = min(this.appliedAt[i] as number, e.time)
        break
      case 'fulfill':
        this.fulfilledAt[i] = max(this.fulfilledAt[i] as number, e.time)
        break
      case 'breach':
        // breaches marked deleted are ignored [Z-SLA-EV]
        if (!e.deleted) this.breachedAt[i] = min(this.breachedAt[i] as number, e.time)
        break
      case 'activate':
      case 'pause':
      case 'update_status':
      case 'measure':
        break
      default: {
        const never: never = e.type
        return never
      }
    }
    this.version++
  }

  /** Folds another store's targets into this one (same rules as for events). */
  mergeFrom(other: SlaStore): void {
    for (let j = 0; j < other.size; j++) {
      const ticketId = other.ticketId[j] as number
      const metric = SLA_METRICS[other.metric[j] as number] as SlaMetric
      const instanceId = other.instance[j] as number
      const base = { id: 0, ticketId, metric, instanceId, deleted: false }
      const at = (type: SlaEvent['type'], time: number): void => {
        if (!Number.isNaN(time)) this.add({ ...base, type, time })
      }
      at('apply_sla', other.appliedAt[j] as number)
      at('fulfill', other.fulfilledAt[j] as number)
      at('breach', other.breachedAt[j] as number)
    }
  }

  /**
   * Visits every target whose outcome (achieved or breached) is dated in `[fromMs, toMs)` and whose
   * ticket `include` accepts: the targets behind `report`'s counts.
   */
  forEachOutcome(
    fromMs: number,
    toMs: number,
    include: (ticketId: number) => boolean,
    visit: (ticketId: number, metric: number, achieved: boolean) => void,
  ): void {
    for (let i = 0; i < this.ticketId.length; i++) {
      const { outcome, at } = slaOutcome({
        appliedAt: this.appliedAt[i] as number,
        fulfilledAt: this.fulfilledAt[i] as number,
        breachedAt: this.breachedAt[i] as number,
      })
      if (outcome === 'active' || at < fromMs || at >= toMs) continue
      if (!include(this.ticketId[i] as number)) continue
      visit(this.ticketId[i] as number, this.metric[i] as number, outcome === 'achieved')
    }
  }

  /**
   * Achieved / breached per metric and overall for outcomes dated in `[fromMs, toMs)`; targets for
   * which `include(ticketId)` is false (deleted tickets, other segments) are left out.
   */
  report(fromMs: number, toMs: number, include: (ticketId: number) => boolean): SlaKpi {
    const achieved = new Int32Array(SLA_METRICS.length)
    const breached = new Int32Array(SLA_METRICS.length)
    this.forEachOutcome(fromMs, toMs, include, (_ticketId, m, ok) => {
      if (ok) achieved[m] = (achieved[m] as number) + 1
      else breached[m] = (breached[m] as number) + 1
    })
    const byMetric: Partial<Record<SlaMetric, ReturnType<typeof slaStats>>> = {}
    let a = 0
    let b = 0
    SLA_METRICS.forEach((metric, m) => {
      const am = achieved[m] as number
      const bm = breached[m] as number
      if (am + bm > 0) byMetric[metric] = slaStats(am, bm)
      a += am
      b += bm
    })
    return { overall: slaStats(a, b), byMetric }
  }
}
