import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

import { parseBaselineRecord } from '@/core'
import { createZendeskClient } from '@/zendesk/api'
import {
  BASELINE_CACHE_MS,
  BASELINE_OBJECT_KEY,
  BASELINE_RETRY_MS,
  createBaselinePublisher,
  readSharedBaseline,
} from '@/zendesk/baseline'
import { createGovernor } from '@/zendesk/governor'
import { parseSettings } from '@/zendesk/settings'

import { buildTicket, resetIds } from '../../support/fixtures/ticketBuilder'
import { memoryAccount, storedTicket, storedUser } from '../report/memoryAccount'
import { createSimTransport, simTimer } from '../support/simTransport'

const T0 = Date.parse('2026-10-31T12:00:00Z')

function loadedAccount() {
  resetIds(1)
  const users = Array.from({ length: 30 }, (_, i) =>
    storedUser(1000 + i, { fields: { lifetime_value: (i + 1) * 1000 } }),
  )
  const tickets = users.flatMap((u, i) =>
    Array.from({ length: 2 }, (_, k) =>
      storedTicket(
        buildTicket({
          requesterId: u.id,
          created: new Date(T0 - (40 + i + k) * 86_400_000).toISOString(),
          solved: new Date(T0 - (39 + i + k) * 86_400_000).toISOString(),
          minutes: { fullResolution: 600 + i, requesterWait: 60 },
        }),
      ),
    ),
  )
  return memoryAccount({ tickets, users })
}

async function setup(installed = true) {
  const sim = createSimAccount({ tickets: 20, seed: 2 })
  const transport = createSimTransport(createSimCore(sim))
  const client = createZendeskClient(createGovernor(transport, { timer: simTimer(sim) }))
  if (installed) {
    await transport.send({
      method: 'POST',
      path: '/api/v2/custom_objects',
      body: { custom_object: { key: BASELINE_OBJECT_KEY, title: 'B', title_pluralized: 'Bs' } },
    })
    // the fields as requirements.json declares them
    for (const [key, type] of [
      ['payload', 'textarea'],
      ['schema_version', 'integer'],
      ['computed_at', 'text'],
    ]) {
      await transport.send({
        method: 'POST',
        path: `/api/v2/custom_objects/${BASELINE_OBJECT_KEY}/fields`,
        body: { custom_object_field: { key, title: key, type } },
      })
    }
  }
  let now = T0
  const { settings } = parseSettings({ valueCurrency: 'EUR' })
  const account = loadedAccount()
  const publisher = createBaselinePublisher({
    client,
    account: 'acme',
    getAccount: () => account,
    settings,
    now: () => now,
    storage: null,
  })
  return { client, transport, publisher, setNow: (t: number) => (now = t) }
}

describe('createBaselinePublisher', () => {
  it('waits for the first full sync, then publishes the account baseline once a day', async () => {
    const { client, publisher, setNow, transport } = await setup()
    await expect(publisher.onSync(false)).resolves.toBeNull()
    expect(transport.sent).toBe(4) // only the installation so far
    await expect(publisher.onSync(true)).resolves.toEqual({ kind: 'published', computedAt: T0 })
    const read = await readSharedBaseline(client, { account: 'acme', storage: null })
    expect(read.status).toBe('ok')
    if (read.status !== 'ok') return
    expect(read.record.currency).toBe('EUR')
    expect(read.record.tierThresholds).not.toBeNull()
    expect(read.baseline.effortMinutes.byChannel.email).toBeGreaterThan(600)
    expect(parseBaselineRecord(read.record).ok).toBe(true)

    setNow(T0 + BASELINE_CACHE_MS - 1)
    await expect(publisher.onSync(true)).resolves.toBeNull()
    setNow(T0 + BASELINE_CACHE_MS)
    await expect(publisher.onSync(true)).resolves.toEqual({
      kind: 'published',
      computedAt: T0 + BASELINE_CACHE_MS,
    })
  })

  it('leaves a fresh record another team lead published alone', async () => {
    const first = await setup()
    await first.publisher.onSync(true)
    const other = createBaselinePublisher({
      client: first.client,
      account: 'acme',
      getAccount: () => {
        throw new Error('must not compute')
      },
      settings: parseSettings({}).settings,
      now: () => T0 + 60_000,
      storage: null,
    })
    await expect(other.onSync(true)).resolves.toEqual({ kind: 'fresh', computedAt: T0 })
  })

  it('skips, and tries again an hour later, when the custom object is not installed', async () => {
    const { publisher, setNow } = await setup(false)
    const outcome = await publisher.onSync(true)
    expect(outcome).toMatchObject({ kind: 'skipped' })
    expect(outcome?.kind === 'skipped' && outcome.reason).toContain('not installed')
    setNow(T0 + BASELINE_RETRY_MS - 1)
    await expect(publisher.onSync(true)).resolves.toBeNull()
    setNow(T0 + BASELINE_RETRY_MS)
    await expect(publisher.onSync(true)).resolves.toMatchObject({ kind: 'skipped' })
  })
})
