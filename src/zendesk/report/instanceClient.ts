// The views' side of the report source: each call goes to the background instance of the app in
// this browser as a ZAF instance trigger with a request id, and the answer comes back as a
// trigger to this instance. Answers from any other instance, or for ids not asked, are ignored.

import type { Figure, ReportRange } from '@/core'

import type { ZafClient } from '../zaf/types'
import { ReportSourceError } from './errors'
import { REPORT_PROTOCOL_VERSION, REQUEST_EVENT, RESPONSE_EVENT, responseSchema } from './protocol'
import type { ReportCall } from './protocol'
import type { ReportSource } from './types'

export type ReportSourceClientOptions = {
  /** How long to wait for the background's answer, ms. Default 180,000 (see DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number
}

export type ReportSourceClient = ReportSource & {
  /** Stops listening; pending calls reject. */
  close(): void
}

/** What a ReportSource method resolves to: the background's answer to that call. */
type Answer<M extends keyof ReportSource> = Awaited<ReturnType<NonNullable<ReportSource[M]>>>

type Pending = {
  to: string
  resolve: (value: unknown) => void
  reject: (err: Error) => void
  timer: ReturnType<typeof setTimeout>
}

/**
 * The background answers one call at a time on its own thread, and the first tier split or
 * retention report of a large account walks every ticket (about a minute per million tickets):
 * a call queued behind it must not be given up on too early. A background that is not loaded at
 * all is caught at once (`no-background`), without waiting.
 */
export const DEFAULT_TIMEOUT_MS = 180_000

function waitText(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
}

/** The guid of the app's background instance in this browser, or null when it has none. */
export async function findBackground(zaf: ZafClient): Promise<string | null> {
  const { instances } = await zaf.get('instances')
  if (typeof instances !== 'object' || instances === null) return null
  for (const [guid, context] of Object.entries(instances as Record<string, unknown>)) {
    if ((context as { location?: unknown } | null)?.location === 'background') return guid
  }
  return null
}

/**
 * A ReportSource that asks the background instance. Calls reject with a ReportSourceError:
 * `no-background` when the app has no background instance, `timeout` when it does not answer in
 * time, or the code the background answered with (e.g. `not-allowed`).
 *
 * @example
 * const source = createReportSourceClient(zaf)
 * const report = await source.report({ from: '2026-10-01', to: '2026-11-01', timeZone: 'UTC' })
 */
export function createReportSourceClient(
  zaf: ZafClient,
  options: ReportSourceClientOptions = {},
): ReportSourceClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const pending = new Map<string, Pending>()
  let sequence = 0

  const onResponse = (data?: unknown) => {
    const parsed = responseSchema.safeParse(data)
    if (!parsed.success) return
    const response = parsed.data
    const call = pending.get(response.id)
    // Only the instance the request went to may answer it.
    if (call === undefined || call.to !== response.from) return
    pending.delete(response.id)
    clearTimeout(call.timer)
    if (response.ok) call.resolve(response.result)
    else call.reject(new ReportSourceError(response.error.code, response.error.message))
  }
  zaf.on(RESPONSE_EVENT, onResponse)

  const ask = async <T>(call: ReportCall): Promise<T> => {
    const [background, context] = await Promise.all([findBackground(zaf), zaf.context()])
    if (background === null) {
      throw new ReportSourceError(
        'no-background',
        'The background is not running: no background instance of Retention Radar is loaded in this browser. Reload Zendesk to start it.',
      )
    }
    sequence += 1
    const id = `${context.instanceGuid}:${sequence}`
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        reject(
          new ReportSourceError(
            'timeout',
            `The background did not answer "${call.method}" within ${waitText(timeoutMs)}`,
          ),
        )
      }, timeoutMs)
      pending.set(id, { to: background, resolve: (v) => resolve(v as T), reject, timer })
      zaf.instance(background).trigger(REQUEST_EVENT, {
        app: 'retention-radar',
        v: REPORT_PROTOCOL_VERSION,
        id,
        from: context.instanceGuid,
        call,
      })
    })
  }

  return {
    report: (range: ReportRange, opts: { segments?: 'tier' } = {}) =>
      ask<Answer<'report'>>({
        method: 'report',
        range,
        ...(opts.segments ? { segments: opts.segments } : {}),
      }),
    retention: (range: ReportRange) => ask<Answer<'retention'>>({ method: 'retention', range }),
    drillDown: (figure: Figure, limit?: number) =>
      ask<Answer<'drillDown'>>({
        method: 'drillDown',
        figure,
        ...(limit === undefined ? {} : { limit }),
      }),
    status: () => ask<Answer<'status'>>({ method: 'status' }),
    names: (ids: { users?: number[]; groups?: number[] }) =>
      ask<Answer<'names'>>({ method: 'names', ...ids }),
    close: () => {
      zaf.off(RESPONSE_EVENT, onResponse)
      for (const [id, call] of pending) {
        clearTimeout(call.timer)
        call.reject(new ReportSourceError('failed', 'The report source was closed'))
        pending.delete(id)
      }
    },
  }
}
