// The typed client: a governed request, parsed once, validated once against its zod schema. A body
// that does not match is a ZendeskApiError naming the endpoint and the field, never a crash deeper in.
// Any zod 4 schema is accepted (the app's zod/mini ones, or classic ones in tests and scripts): the
// body is checked with zod/mini's `safeParse` function, which runs both.

import { endpointOf, payloadError } from '../errors'
import type { Governor } from '../governor'
import { z } from '../schemas/z'

/** Query values; a list repeats its key (`role[]=agent&role[]=admin`). */
export type Query = Record<
  string,
  string | number | boolean | undefined | readonly (string | number)[]
>

export type ZendeskClient = {
  /** GET `path` with `query`; resolves with the body validated by `schema`. */
  get<S extends z.core.$ZodType>(path: string, query: Query, schema: S): Promise<z.output<S>>
  readonly governor: Governor
}

/** `path?a=1&b=2`, leaving out undefined values; keys keep their order. */
export function buildPath(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v))
    else if (value !== undefined) params.set(key, String(value))
  }
  const qs = params.toString()
  return qs === '' ? path : `${path}?${qs}`
}

export function createZendeskClient(governor: Governor): ZendeskClient {
  return {
    governor,
    async get(path, query, schema) {
      const full = buildPath(path, query)
      const res = await governor.execute({ method: 'GET', path: full })
      const parsed = z.safeParse(schema, res.json)
      if (!parsed.success) throw payloadError(endpointOf('GET', full), parsed.error)
      return parsed.data
    },
  }
}
