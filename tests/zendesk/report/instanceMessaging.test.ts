import type { Figure, KpiReport } from '@/core'
import {
  REQUEST_EVENT,
  RESPONSE_EVENT,
  ReportSourceError,
  createReportSourceClient,
  deniedReportSource,
  serveReportSource,
} from '@/zendesk/report'
import type { ReportSource, ReportSourceStatus } from '@/zendesk/report'

import { createZafHub, flushHub } from './zafHub'

const range = { from: '2026-10-01', to: '2026-11-01', timeZone: 'UTC' }
const status: ReportSourceStatus = {
  tickets: 3,
  complete: true,
  updatedAt: 1_000,
  source: 'incremental',
  slaAvailable: true,
}

/** A source that records its calls and answers with recognisable values. */
function recordingSource() {
  const calls: unknown[][] = []
  const source: ReportSource = {
    report: (r, o) => {
      calls.push(['report', r, o])
      return Promise.resolve({ marker: 'report', from: r.from } as unknown as KpiReport)
    },
    retention: (r) => {
      calls.push(['retention', r])
      return Promise.resolve({ now: 5, customers: 2 } as never)
    },
    drillDown: (f, limit) => {
      calls.push(['drillDown', f, limit])
      return Promise.resolve({
        total: 1,
        tickets: [
          {
            id: 7,
            subject: 'Help',
            requesterId: 9,
            requesterName: 'Ann',
            tier: 'gold',
            status: 'open',
            value: null,
          },
        ],
      })
    },
    status: () => Promise.resolve(status),
    names: (ids) => {
      calls.push(['names', ids])
      return Promise.resolve({ users: { 1: 'Ann' }, groups: {} })
    },
  }
  return { source, calls }
}

function setup(source: ReportSource, timeoutMs = 2_000) {
  const hub = createZafHub()
  const background = hub.add('bg', 'background')
  const nav = hub.add('nav', 'nav_bar')
  const ignored: string[] = []
  const stop = serveReportSource(background, source, { onIgnored: (r) => ignored.push(r) })
  const client = createReportSourceClient(nav, { timeoutMs })
  return { hub, background, nav, ignored, stop, client }
}

describe('report source over instance messaging', () => {
  it('answers every method from the background', async () => {
    const { source, calls } = recordingSource()
    const { client, stop } = setup(source)
    await expect(client.report(range, { segments: 'tier' })).resolves.toEqual({
      marker: 'report',
      from: '2026-10-01',
    })
    await expect(client.retention(range)).resolves.toEqual({ now: 5, customers: 2 })
    const figure: Figure = { range, tier: 'gold', select: { kind: 'agent', agentId: null } }
    const drill = await client.drillDown(figure, 50)
    expect(drill.tickets[0]?.requesterName).toBe('Ann')
    await expect(client.status()).resolves.toEqual(status)
    await expect(client.names?.({ users: [1] })).resolves.toEqual({
      users: { 1: 'Ann' },
      groups: {},
    })
    expect(calls).toEqual([
      ['report', range, { segments: 'tier' }],
      ['retention', range],
      ['drillDown', figure, 50],
      ['names', { users: [1] }],
    ])
    stop()
    client.close()
  })

  it('passes a zero limit through (a count without rows)', async () => {
    const { source, calls } = recordingSource()
    const { client } = setup(source)
    const figure: Figure = { range, select: { kind: 'kpi', kpi: 'created' } }
    await client.drillDown(figure, 0)
    expect(calls).toEqual([['drillDown', figure, 0]])
    client.close()
  })

  it('passes the background error code and message on', async () => {
    const { client } = setup(deniedReportSource(['admin', 'Team lead']))
    const err = await client.status().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ReportSourceError)
    expect(err).toMatchObject({
      code: 'not-allowed',
      message: 'Team KPIs are only for these roles: admin, Team lead',
    })
    client.close()
  })

  it('answers a malformed call with bad-request naming the field', async () => {
    const { source, calls } = recordingSource()
    const { client } = setup(source)
    const bad = {
      range: { from: 'yesterday', to: '2026-11-01' },
      select: { kind: 'kpi', kpi: 'x' },
    }
    await expect(client.drillDown(bad as unknown as Figure)).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('figure.range.from') as unknown,
    })
    expect(calls).toEqual([])
    client.close()
  })

  it('says the background is not running when the app has no background instance', async () => {
    const { source } = recordingSource()
    const { hub, client } = setup(source)
    hub.remove('bg')
    await expect(client.status()).rejects.toMatchObject({
      code: 'no-background',
      message: expect.stringContaining('The background is not running') as unknown,
    })
    client.close()
  })

  it('times out when the background does not answer', async () => {
    const hub = createZafHub()
    hub.add('bg', 'background') // loaded, but serving nothing
    const client = createReportSourceClient(hub.add('nav', 'nav_bar'), { timeoutMs: 50 })
    await expect(client.report(range)).rejects.toMatchObject({
      code: 'timeout',
      message: 'The background did not answer "report" within 50 ms',
    })
    client.close()
  })

  it('ignores requests from another app and from unknown senders', async () => {
    const { source, calls } = recordingSource()
    const { hub, ignored } = setup(source)
    const request = {
      app: 'retention-radar',
      v: 1,
      id: 'x:1',
      from: 'nav',
      call: { method: 'retention', range },
    }
    hub.deliver('bg', REQUEST_EVENT, { ...request, app: 'another-app' })
    hub.deliver('bg', REQUEST_EVENT, { ...request, v: 2 })
    hub.deliver('bg', REQUEST_EVENT, 'retention')
    hub.deliver('bg', REQUEST_EVENT, { ...request, from: 'ghost' })
    hub.deliver('bg', REQUEST_EVENT, { ...request, from: 'bg' })
    await flushHub()
    expect(calls).toEqual([])
    expect(ignored).toEqual([
      'not a Retention Radar report request',
      'not a Retention Radar report request',
      'not a Retention Radar report request',
      'unknown sender ghost',
      'unknown sender bg',
    ])
    expect(hub.log.filter((l) => l.event === RESPONSE_EVENT)).toEqual([])
  })

  it('ignores answers that do not come from the background it asked', async () => {
    const hub = createZafHub()
    hub.add('bg', 'background')
    const nav = hub.add('nav', 'nav_bar')
    const client = createReportSourceClient(nav, { timeoutMs: 300 })
    const pending = client.status()
    await flushHub()
    const answer = { app: 'retention-radar', v: 1, id: 'nav:1', ok: true, result: status }
    hub.deliver('nav', RESPONSE_EVENT, { ...answer, from: 'intruder', result: { tickets: 666 } })
    hub.deliver('nav', RESPONSE_EVENT, { ...answer, from: 'bg', id: 'nav:99' })
    hub.deliver('nav', RESPONSE_EVENT, { ...answer, from: 'bg', app: 'another-app' })
    hub.deliver('nav', RESPONSE_EVENT, { ...answer, from: 'bg' })
    await expect(pending).resolves.toEqual(status)
    client.close()
  })
})
