import {
  scoreFieldTarget,
  scoreFieldValue,
  tierTagOf,
  trackFormEdits,
  writeScore,
  writeTierTag,
} from '@/zendesk/actions'
import type { WriteContext } from '@/zendesk/actions'

import { createFakeZafClient } from '../../support/fakeZafClient'

const settings = { writeScoreField: true, scoreFieldId: null }

function context(values: Record<string, unknown> = {}) {
  const client = createFakeZafClient({ values })
  const sent: { method: string; path: string; body?: unknown }[] = []
  const ctx: WriteContext = {
    client,
    governor: {
      execute: (req) => {
        sent.push(req)
        return Promise.resolve({ status: 200, headers: {}, json: {} })
      },
    },
    edits: trackFormEdits(client),
  }
  return { client, ctx, sent }
}

describe('scoreFieldTarget', () => {
  it('prefers the setting, then the requirement, and says why there is none', async () => {
    const client = createFakeZafClient({
      values: {
        'requirement:score_field': { requirement_id: '77', requirement_type: 'ticket_fields' },
      },
    })
    await expect(scoreFieldTarget(client, { ...settings, scoreFieldId: 5 })).resolves.toEqual({
      kind: 'field',
      id: 5,
      source: 'setting',
    })
    await expect(scoreFieldTarget(client, settings)).resolves.toEqual({
      kind: 'field',
      id: 77,
      source: 'requirement',
    })
    await expect(
      scoreFieldTarget(client, { ...settings, writeScoreField: false }),
    ).resolves.toEqual({ kind: 'off' })
    const none = createFakeZafClient({
      values: { 'requirement:score_field': { requirement_id: -3 } },
    })
    await expect(scoreFieldTarget(none, settings)).resolves.toEqual({
      kind: 'missing',
      detail: 'requirement:score_field has no requirement_id',
    })
    const failing = createFakeZafClient({
      failures: { 'requirement:score_field': 'No such requirement' },
    })
    await expect(scoreFieldTarget(failing, settings)).resolves.toEqual({
      kind: 'missing',
      detail: 'No such requirement',
    })
  })
})

describe('writeScore', () => {
  it('clamps and rounds, and leaves an equal value alone', async () => {
    expect([scoreFieldValue(71.6), scoreFieldValue(-3), scoreFieldValue(140)]).toEqual([72, 0, 100])
    expect(scoreFieldValue(Number.NaN)).toBeNull()
    const { ctx, sent } = context({ 'ticket.customField:custom_field_9': '72' })
    await expect(writeScore(ctx, { ticketId: 1, fieldId: 9, score: 71.6 })).resolves.toEqual({
      kind: 'unchanged',
    })
    expect(sent).toEqual([])
  })

  it('says a failed API write failed, with the reason', async () => {
    const { ctx } = context()
    ctx.governor = {
      execute: () => Promise.reject(new Error('PUT /api/v2/tickets/1.json: refused')),
    }
    await expect(writeScore(ctx, { ticketId: 1, fieldId: 9, score: 50 })).resolves.toEqual({
      kind: 'failed',
      message: 'PUT /api/v2/tickets/1.json: refused',
    })
  })
})

describe('trackFormEdits', () => {
  it("counts the agent's edits, not the app's own, until a save", () => {
    const { client, ctx } = context()
    ctx.edits.expect('ticket.tags', ['a', 'b'])
    client.emit('*.changed', { propertyName: 'ticket.tags', newValue: ['b', 'a'] })
    expect([...ctx.edits.edited()]).toEqual([])
    client.emit('*.changed', { propertyName: 'ticket.priority', newValue: 'high' })
    client.emit('*.changed', { propertyName: 'not-a-ticket-prop', newValue: 1 })
    expect([...ctx.edits.edited()]).toEqual(['ticket.priority'])
    client.emit('ticket.submit.done')
    expect(ctx.edits.edited().size).toBe(0)
    ctx.edits.stop()
    client.emit('*.changed', { propertyName: 'ticket.status', newValue: 'open' })
    expect(ctx.edits.edited().size).toBe(0)
  })
})

describe('writeTierTag', () => {
  it("adds the tier's tag and removes the app's other tier tags, never the agent's", async () => {
    expect(tierTagOf('gold')).toBe('retention_tier_gold')
    const { ctx, sent } = context()
    await expect(
      writeTierTag(ctx, {
        ticketId: 3,
        tier: 'gold',
        tags: ['vip_silver', 'retention_tier_silver'],
      }),
    ).resolves.toEqual({ kind: 'written', via: 'api' })
    expect(sent[0]?.body).toEqual({
      ticket: { additional_tags: ['retention_tier_gold'], remove_tags: ['retention_tier_silver'] },
    })
    await expect(
      writeTierTag(ctx, { ticketId: 3, tier: 'gold', tags: ['retention_tier_gold'] }),
    ).resolves.toEqual({ kind: 'unchanged' })
  })

  it('waits while the agent edits the tags, and uses the form when other edits are unsaved', async () => {
    const { client, ctx, sent } = context()
    client.emit('*.changed', { propertyName: 'ticket.tags', newValue: ['x'] })
    await expect(writeTierTag(ctx, { ticketId: 3, tier: 'gold', tags: ['x'] })).resolves.toEqual({
      kind: 'waiting',
    })
    client.emit('ticket.submit.done')
    client.emit('*.changed', { propertyName: 'ticket.subject', newValue: 'New' })
    await expect(writeTierTag(ctx, { ticketId: 3, tier: 'gold', tags: ['x'] })).resolves.toEqual({
      kind: 'written',
      via: 'form',
    })
    expect(client.invocations).toEqual([
      { name: 'ticket.tags.add', args: [['retention_tier_gold']] },
    ])
    expect(sent).toEqual([])
  })
})
