// The background's side of the report source: answers requests from the app's other instances
// with a ReportSource (today the live account in this browser). Requests from another app, of an
// unknown shape or from an instance this browser does not have are ignored, not answered.

import type { ZafClient } from '../zaf/types'
import { ReportSourceError, reportErrorCode } from './errors'
import type { ReportSourceErrorCode } from './errors'
import {
  REPORT_PROTOCOL_VERSION,
  REQUEST_EVENT,
  RESPONSE_EVENT,
  callSchema,
  issuePath,
  requestSchema,
} from './protocol'
import type { ReportCall } from './protocol'
import type { ReportSource } from './types'

export type ServeOptions = {
  /** Told why a message was ignored (logging, tests). */
  onIgnored?: (reason: string) => void
}

type ReplyBody =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: ReportSourceErrorCode; message: string } }

function run(source: ReportSource, call: ReportCall): Promise<unknown> {
  switch (call.method) {
    case 'report':
      return source.report(
        call.range,
        call.segments === undefined ? {} : { segments: call.segments },
      )
    case 'retention':
      return source.retention(call.range)
    case 'drillDown':
      return source.drillDown(call.figure, call.limit)
    case 'status':
      return source.status()
    case 'names':
      if (source.names === undefined) {
        return Promise.reject(new ReportSourceError('failed', 'This report source has no names'))
      }
      return source.names({
        ...(call.users ? { users: call.users } : {}),
        ...(call.groups ? { groups: call.groups } : {}),
      })
    default: {
      const never: never = call
      return Promise.reject(new Error(`unknown method ${String(never)}`))
    }
  }
}

async function knownInstance(zaf: ZafClient, guid: string): Promise<boolean> {
  const [{ instances }, context] = await Promise.all([zaf.get('instances'), zaf.context()])
  return (
    guid !== context.instanceGuid &&
    typeof instances === 'object' &&
    instances !== null &&
    Object.prototype.hasOwnProperty.call(instances, guid)
  )
}

/**
 * Serves `source` to the app's other instances over ZAF instance messaging until the returned
 * function is called. Each request gets exactly one answer: the result, or an error with a code
 * (`bad-request` for a malformed call, the source's own code otherwise).
 *
 * @example
 * const stop = serveReportSource(zaf, accountReportSource({ getAccount, settings }))
 * zaf.on('app.willDestroy', stop)
 */
export function serveReportSource(
  zaf: ZafClient,
  source: ReportSource,
  options: ServeOptions = {},
): () => void {
  const ignored = options.onIgnored ?? (() => undefined)
  const handle = async (data?: unknown): Promise<void> => {
    const request = requestSchema.safeParse(data)
    if (!request.success) return ignored('not a Retention Radar report request')
    const { id, from } = request.data
    if (!(await knownInstance(zaf, from))) return ignored(`unknown sender ${from}`)
    const context = await zaf.context()
    const reply = (body: ReplyBody) => {
      const response = {
        app: 'retention-radar',
        v: REPORT_PROTOCOL_VERSION,
        id,
        from: context.instanceGuid,
        ...body,
      }
      zaf.instance(from).trigger(RESPONSE_EVENT, response)
    }
    const call = callSchema.safeParse(request.data.call)
    if (!call.success) {
      const issue = call.error.issues[0]
      const where = issue ? `${issuePath(issue.path)}: ${issue.message}` : 'invalid'
      return reply({
        ok: false,
        error: { code: 'bad-request', message: `Bad report request (${where})` },
      })
    }
    try {
      reply({ ok: true, result: await run(source, call.data) })
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      reply({ ok: false, error: { code: reportErrorCode(err), message: message.slice(0, 2000) } })
    }
  }
  const listener = (data?: unknown) => {
    handle(data).catch((err: unknown) => ignored(`could not answer: ${String(err)}`))
  }
  zaf.on(REQUEST_EVENT, listener)
  return () => zaf.off(REQUEST_EVENT, listener)
}
