// Custom objects (v2): objects (list, create, show), their fields (list, create) and records (list,
// create, show, update, upsert and delete by external id, delete, search). Records page by cursor
// only, 100 at most, like Zendesk.
import type { Json } from '../../entities'
import {
  type CustomObjectRecord,
  fieldJson,
  objectJson,
  recordJson,
  standardFieldsJson,
} from '../../custom/customObjects'
import { ApiError, invalidValue, notFound, recordInvalid } from '../errors'
import { paginate } from '../paging'
import { type Route, type RouteContext, p } from './context'

const key = (ctx: RouteContext): string => ctx.params[0] ?? ''

const RECORD_SORTS = ['id', '-id', 'updated_at', '-updated_at'] as const

function sorted(ctx: RouteContext, list: CustomObjectRecord[]): CustomObjectRecord[] {
  const sort = ctx.url.searchParams.get('sort') ?? 'id'
  if (!(RECORD_SORTS as readonly string[]).includes(sort))
    throw new ApiError(invalidValue(`sort: '${sort}' is not one of ${RECORD_SORTS.join(', ')}`))
  const sign = sort.startsWith('-') ? -1 : 1
  const by = sort.replace(/^-/, '')
  return [...list].sort((a, b) => {
    const d =
      by === 'updated_at' ? a.updatedMs - b.updatedMs : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    return sign * (d || (a.id < b.id ? -1 : 1))
  })
}

function recordPage(ctx: RouteContext, list: CustomObjectRecord[], fingerprint: string): Json {
  const page = paginate(
    sorted(ctx, list),
    ctx.url,
    { maxSize: 100, defaultSize: 100, cursorOnly: true },
    `${fingerprint}:${ctx.url.searchParams.get('sort') ?? ''}`,
  )
  return {
    custom_object_records: page.items.map((r) => recordJson(r, ctx.base)),
    meta: page.envelope.meta,
    links: page.envelope.links,
    count: list.length,
  }
}

/** `filter[ids]` / `filter[external_ids]`: comma-separated, matched exactly. */
function filtered(ctx: RouteContext, list: CustomObjectRecord[]): CustomObjectRecord[] {
  const q = ctx.url.searchParams
  const split = (name: string): string[] | null => {
    const raw = q.get(name)
    return raw === null
      ? null
      : raw
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
  }
  const ids = split('filter[ids]')
  const externalIds = split('filter[external_ids]')
  return list.filter(
    (r) =>
      (ids === null || ids.includes(r.id)) &&
      (externalIds === null || (r.externalId !== null && externalIds.includes(r.externalId))),
  )
}

function externalIdParam(ctx: RouteContext): string {
  const q = ctx.url.searchParams
  if (q.has('name'))
    throw new ApiError(
      recordInvalid({
        name: [
          {
            description:
              'Name: records are found by name only when the name field is unique; use external_id',
            error: 'InvalidValue',
          },
        ],
      }),
    )
  const externalId = q.get('external_id')
  if (externalId === null || externalId.trim() === '')
    throw new ApiError(invalidValue('external_id: parameter is required'))
  return externalId
}

export const CUSTOM_OBJECT_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: p('/api/v2/custom_objects'),
    allowed: 'agent',
    handle: (ctx) => ({
      custom_objects: ctx.account.customObjects.objects().map((o) => objectJson(o, ctx.base)),
    }),
  },
  {
    method: 'POST',
    pattern: p('/api/v2/custom_objects'),
    allowed: 'admin',
    status: 201,
    handle: (ctx) => ({
      custom_object: objectJson(
        ctx.account.customObjects.createObject(ctx.body, ctx.userId),
        ctx.base,
      ),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/custom_objects/{key}'),
    allowed: 'agent',
    handle: (ctx) => ({
      custom_object: objectJson(ctx.account.customObjects.object(key(ctx)), ctx.base),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/custom_objects/{key}/fields'),
    allowed: 'agent',
    handle: (ctx) => {
      const store = ctx.account.customObjects
      const k = key(ctx)
      const custom = store.fields(k).map((f) => fieldJson(k, f, ctx.base))
      const standard =
        ctx.url.searchParams.get('include_standard_fields') === 'true'
          ? standardFieldsJson(store.object(k), ctx.base)
          : []
      return { custom_object_fields: [...standard, ...custom] }
    },
  },
  {
    method: 'POST',
    pattern: p('/api/v2/custom_objects/{key}/fields'),
    allowed: 'admin',
    status: 201,
    handle: (ctx) => ({
      custom_object_field: fieldJson(
        key(ctx),
        ctx.account.customObjects.createField(key(ctx), ctx.body),
        ctx.base,
      ),
    }),
  },
  {
    method: 'GET',
    pattern: p('/api/v2/custom_objects/{key}/records'),
    allowed: 'agent',
    handle: (ctx) => {
      const k = key(ctx)
      return recordPage(
        ctx,
        filtered(ctx, ctx.account.customObjects.records(k)),
        `records:${k}:${ctx.url.searchParams.get('filter[ids]') ?? ''}:${ctx.url.searchParams.get('filter[external_ids]') ?? ''}`,
      )
    },
  },
  {
    method: 'POST',
    pattern: p('/api/v2/custom_objects/{key}/records'),
    allowed: 'agent',
    status: 201,
    handle: (ctx) => ({
      custom_object_record: recordJson(
        ctx.account.customObjects.createRecord(key(ctx), ctx.body, ctx.userId),
        ctx.base,
      ),
    }),
  },
  {
    method: 'PATCH',
    pattern: p('/api/v2/custom_objects/{key}/records'),
    allowed: 'agent',
    handle: (ctx) => ({
      custom_object_record: recordJson(
        ctx.account.customObjects.upsertRecord(
          key(ctx),
          externalIdParam(ctx),
          ctx.body,
          ctx.userId,
        ),
        ctx.base,
      ),
    }),
  },
  {
    method: 'DELETE',
    pattern: p('/api/v2/custom_objects/{key}/records'),
    allowed: 'agent',
    status: 204,
    handle: (ctx) => {
      const store = ctx.account.customObjects
      const externalId = externalIdParam(ctx)
      const r = store.records(key(ctx)).find((x) => x.externalId === externalId)
      if (!r) throw new ApiError(notFound())
      store.deleteRecord(key(ctx), r.id)
      return {}
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/custom_objects/{key}/records/search'),
    allowed: 'agent',
    handle: (ctx) => {
      const k = key(ctx)
      const query = (ctx.url.searchParams.get('query') ?? '').trim().toLowerCase()
      const matches = ctx.account.customObjects
        .records(k)
        .filter((r) =>
          query === ''
            ? true
            : [
                r.name,
                r.externalId ?? '',
                ...Object.values(r.fields).map((v) => (typeof v === 'string' ? v : '')),
              ].some((text) => text.toLowerCase().includes(query)),
        )
      return recordPage(ctx, matches, `search:${k}:${query}`)
    },
  },
  {
    method: 'GET',
    pattern: p('/api/v2/custom_objects/{key}/records/{rid}'),
    allowed: 'agent',
    handle: (ctx) => ({
      custom_object_record: recordJson(
        ctx.account.customObjects.record(key(ctx), ctx.params[1] ?? ''),
        ctx.base,
      ),
    }),
  },
  {
    method: 'PATCH',
    pattern: p('/api/v2/custom_objects/{key}/records/{rid}'),
    allowed: 'agent',
    handle: (ctx) => ({
      custom_object_record: recordJson(
        ctx.account.customObjects.updateRecord(key(ctx), ctx.params[1] ?? '', ctx.body, ctx.userId),
        ctx.base,
      ),
    }),
  },
  {
    method: 'DELETE',
    pattern: p('/api/v2/custom_objects/{key}/records/{rid}'),
    allowed: 'agent',
    status: 204,
    handle: (ctx) => {
      ctx.account.customObjects.deleteRecord(key(ctx), ctx.params[1] ?? '')
      return {}
    },
  },
]
