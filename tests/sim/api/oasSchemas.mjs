// Prints the dereferenced 200-response schemas of the given OpenAPI operations as JSON, with the live-API
// differences applied (see contract.test.ts). Runs as a plain Node child process because
// @apidevtools/swagger-parser's dependencies are ESM-only, which jest's CommonJS runtime cannot load.
// Usage: node oasSchemas.mjs OAS_FILE OperationId...
import { readFileSync } from 'node:fs'

import SwaggerParser from '@apidevtools/swagger-parser'
import YAML from 'yaml'

const [file, ...ids] = process.argv.slice(2)
const doc = YAML.parse(readFileSync(file, 'utf8'))
for (const key of ['calendar', 'business']) {
  doc.components.schemas.TicketMetricTimeObject.properties[key].nullable = true
}
doc.components.schemas.TicketMetricsByTicketMetricIdResponse = {
  type: 'object',
  properties: { ticket_metric: { $ref: '#/components/schemas/TicketMetricObject' } },
}
// Zendesk omits solved_at & co. (null) until the event happened (docs/kpi-definitions.md A.1).
for (const [key, prop] of Object.entries(doc.components.schemas.TicketMetricObject.properties)) {
  if (key.endsWith('_at')) prop.nullable = true
}
// Incremental exports include deleted tickets with status "deleted" (docs/zendesk-api.md §3.5, live behaviour).
doc.components.schemas.TicketObject.properties.status.enum.push('deleted')
// Users without an email identity (an anonymous caller, a visitor) have `email: null` (live behaviour).
for (const name of ['UserForAdmin', 'UserForEndUser']) {
  doc.components.schemas[name].properties.email.nullable = true
}
// OpenAPI 3.0: `nullable: true` admits null even when an enum lists only strings; Ajv needs it spelled out.
const seen = new Set()
const visit = (node) => {
  if (!node || typeof node !== 'object' || seen.has(node)) return
  seen.add(node)
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null))
    node.enum.push(null)
  for (const value of Object.values(node)) visit(value)
}
visit(doc)
const deref = await SwaggerParser.dereference(doc)
const out = {}
for (const item of Object.values(deref.paths)) {
  for (const op of Object.values(item)) {
    if (op && typeof op === 'object' && ids.includes(op.operationId)) {
      // Creations answer 201; everything else here answers 200.
      const ok = op.responses?.['200'] ?? op.responses?.['201']
      const schema = ok?.content?.['application/json']?.schema
      if (schema) out[op.operationId] = schema
    }
  }
}
const missing = ids.filter((id) => !(id in out))
if (missing.length > 0) throw new Error(`operations not found: ${missing.join(', ')}`)
process.stdout.write(JSON.stringify(out))
