import { readFileSync } from 'node:fs'

import type { PackageFiles, Problem } from '../../../scripts/package/types'
import { validatePackage } from '../../../scripts/package/validatePackage'

import { minimalPackage, requirementsPath, writeText, zendeskErrors } from './packageFixture'

function withRequirements(
  requirements: unknown,
  manifest: Record<string, unknown> = {},
): PackageFiles {
  const files = minimalPackage(manifest)
  writeText(
    files,
    'requirements.json',
    typeof requirements === 'string' ? requirements : JSON.stringify(requirements),
  )
  return files
}

const object = {
  key: 'baseline',
  title: 'Baseline',
  title_pluralized: 'Baselines',
  include_in_list_view: true,
}
const field = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  title: key,
  type: 'text',
  object_key: 'baseline',
  ...extra,
})
const trigger = (key: string, extra: Record<string, unknown> = {}) => ({
  key, title: key, object_key: 'baseline', conditions: { all: [{ field: 'x', operator: 'is', value: 'y' }] }, actions: [{ field: 'y', value: 'z' }], ...extra,
}) // prettier-ignore
const cov2 = (extra: Record<string, unknown>) => ({
  custom_objects_v2: { objects: [object], object_fields: [], object_triggers: [], ...extra },
})
const many = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i))

describe('Zendesk requirements.json rules (validations/requirements.rb, custom_objects_v2/*.rb)', () => {
  it("passes the app's own requirements (score field, baseline custom object) at the Marketplace level", () => {
    const files = withRequirements(readFileSync(requirementsPath(), 'utf8'))
    const problems = validatePackage(files, { marketplace: true }).filter(
      (p) => p.file === 'requirements.json',
    )
    expect(problems).toEqual([])
    const requirements = JSON.parse(readFileSync(requirementsPath(), 'utf8')) as {
      ticket_fields: Record<string, { type: string; title: string }>
      custom_objects_v2: {
        objects: { key: string }[]
        object_fields: { key: string; type: string }[]
      }
    }
    expect(requirements.ticket_fields.score_field).toEqual(
      expect.objectContaining({ type: 'integer', title: 'Retention priority score' }),
    )
    expect(requirements.custom_objects_v2.objects.map((o) => o.key)).toContain(
      'retention_radar_baseline',
    )
    expect(
      requirements.custom_objects_v2.object_fields.map((f) => `${f.key}:${f.type}`).sort(),
    ).toEqual(['computed_at:text', 'payload:textarea', 'schema_version:integer'])
  })

  it('accepts targets, triggers, webhooks, fields, channel integrations and custom objects done right', () => {
    const files = withRequirements({
      targets: { jira: { title: 'Jira', type: 'jira_target', target_url: 'https://jira.example' } },
      triggers: { notify: { title: 'Notify', conditions: { all: [] }, actions: [] } },
      webhooks: {
        hook: {
          name: 'Hook',
          status: 'active',
          endpoint: 'https://acme.test',
          http_method: 'POST',
          request_format: 'json',
        },
      },
      user_fields: { plan: { type: 'text', title: 'Plan', key: 'plan' } },
      organization_fields: { mrr: { type: 'decimal', title: 'MRR', key: 'mrr' } },
      channel_integrations: { chan: { manifest_url: 'https://acme.test/manifest.json' } },
      custom_objects: {
        custom_object_types: [{ key: 'car', schema: {} }],
        custom_object_relationship_types: [],
      },
      ...cov2({ object_fields: [field('a')], object_triggers: [trigger('t')] }),
    })
    expect(zendeskErrors(files)).toEqual([])
  })

  const cases: [string, unknown, Partial<Problem>][] = [
    ['a file that is not JSON', '{', { rule: 'requirements.rb:requirements_not_json' }],
    ['a requirement key given twice', '{ "targets": { "a": { "title": "x" }, "a": { "title": "y" } } }', { rule: 'requirements.rb:duplicate_requirements', key: 'targets.a' }],
    ['an unknown requirement type', { dashboards: {} }, { rule: 'requirements.rb:invalid_requirements_types', key: 'dashboards' }],
    ['a requirement type that is a list', { targets: [] }, { rule: 'requirements.rb:invalid_requirements_types', key: 'targets' }],
    ['a target without a title', { targets: { jira: { type: 'jira_target' } } }, { rule: 'requirements.rb:missing_required_fields', key: 'targets.jira', message: 'is missing title' }],
    ['an HTTP target', { targets: { old: { title: 'Old', type: 'http_target' } } }, { rule: 'requirements.rb:invalid_requirements_types', key: 'targets.old.type' }],
    ['a URL target v2', { targets: { old: { title: 'Old', type: 'url_target_v2' } } }, { rule: 'requirements.rb:invalid_requirements_types' }],
    ['a ticket field without a title', { ticket_fields: { score: { type: 'integer' } } }, { rule: 'requirements.rb:missing_required_fields', key: 'ticket_fields.score' }],
    ['a user field without a key', { user_fields: { plan: { type: 'text', title: 'Plan' } } }, { rule: 'requirements.rb:missing_required_fields', message: 'is missing key' }],
    ['an organization field without a key', { organization_fields: { mrr: { type: 'text', title: 'MRR' } } }, { rule: 'requirements.rb:missing_required_fields', key: 'organization_fields.mrr' }],
    ['a webhook without its endpoint', { webhooks: { hook: { name: 'Hook', status: 'active', http_method: 'POST', request_format: 'json' } } }, { rule: 'requirements.rb:missing_required_fields', key: 'webhooks.hook', message: 'is missing endpoint' }],
    ['two channel integrations', { channel_integrations: { a: { manifest_url: 'x' }, b: { manifest_url: 'y' } } }, { rule: 'requirements.rb:multiple_channel_integrations' }],
    ['a channel integration without its manifest', { channel_integrations: { a: {} } }, { rule: 'requirements.rb:missing_required_fields', message: 'is missing manifest_url' }],
    ['custom objects without their types', { custom_objects: { custom_object_relationship_types: [] } }, { rule: 'requirements.rb:missing_required_fields', key: 'custom_objects' }],
    ['a custom object type without a schema', { custom_objects: { custom_object_types: [{ key: 'car' }] } }, { rule: 'requirements.rb:missing_required_fields', key: 'custom_objects.custom_object_types[0]', message: 'is missing schema' }],
    ['a relationship type without a target', { custom_objects: { custom_object_types: [], custom_object_relationship_types: [{ key: 'r', source: 'car' }] } }, { rule: 'requirements.rb:missing_required_fields', message: 'is missing target' }],
    ['more than 50 custom object requirements', { custom_objects: { custom_object_types: many(51, (i) => ({ key: `t${i}`, schema: {} })) } }, { rule: 'requirements.rb:excessive_custom_objects_requirements' }],
    ['more than 5000 requirements', { ticket_fields: Object.fromEntries(many(5001, (i) => [`f${i}`, { title: 'F' }])) }, { rule: 'requirements.rb:excessive_requirements' }],
    // custom objects v2
    ['custom_objects_v2 that is a list', { custom_objects_v2: [] }, { rule: 'custom_objects_v2/custom_objects_v2.rb:invalid_cov2_requirements_structure_v2' }],
    ['empty custom_objects_v2', { custom_objects_v2: {} }, { rule: 'custom_objects_v2/custom_objects_v2.rb:empty_cov2_requirements' }],
    ['custom_objects_v2 with empty collections', { custom_objects_v2: { objects: [], object_fields: [], object_triggers: [] } }, { rule: 'custom_objects_v2/custom_objects_v2.rb:empty_cov2_requirements' }],
    ['object_fields that is not a list', cov2({ object_fields: {} }), { rule: 'custom_objects_v2/custom_objects_v2.rb:invalid_object_fields_structure_in_cov2_requirements_v2' }],
    ['a custom objects v2 payload over 1 MB', cov2({ object_fields: [field('big', { description: 'x'.repeat(1_100_000) })] }), { rule: 'custom_objects_v2/custom_objects_v2.rb:excessive_cov2_payload_size' }],
    ['more than 50 objects', { custom_objects_v2: { objects: many(51, (i) => ({ ...object, key: `o${i}` })) } }, { rule: 'custom_objects_v2/limits_validator.rb:excessive_custom_objects_v2_requirements' }],
    ['more than 20 fields on an object', cov2({ object_fields: many(21, (i) => field(`f${i}`)) }), { rule: 'custom_objects_v2/limits_validator.rb:excessive_custom_objects_v2_fields' }],
    ['more than 5 dropdown fields on an object', cov2({ object_fields: many(6, (i) => field(`d${i}`, { type: 'dropdown' })) }), { rule: 'custom_objects_v2/limits_validator.rb:excessive_cov2_selection_fields_per_object' }],
    ['a multiselect field with 11 options', cov2({ object_fields: [field('m', { type: 'multiselect', custom_field_options: many(11, (i) => ({ name: `o${i}`, value: `o${i}` })) })] }), { rule: 'custom_objects_v2/limits_validator.rb:excessive_cov2_field_options' }],
    ['a relationship filter with 21 conditions', cov2({ object_fields: [field('l', { type: 'lookup', relationship_filter: { all: many(21, () => ({})) } })] }), { rule: 'custom_objects_v2/limits_validator.rb:excessive_cov2_relationship_filter_conditions' }],
    ['more than 10 triggers on an object', cov2({ object_triggers: many(11, (i) => trigger(`t${i}`)) }), { rule: 'custom_objects_v2/limits_validator.rb:excessive_custom_objects_v2_triggers' }],
    ['a trigger with 51 conditions', cov2({ object_triggers: [trigger('t', { conditions: { any: many(51, () => ({})) } })] }), { rule: 'custom_objects_v2/limits_validator.rb:excessive_custom_objects_v2_trigger_conditions_v2' }],
    ['a trigger with 26 actions', cov2({ object_triggers: [trigger('t', { actions: many(26, () => ({})) })] }), { rule: 'custom_objects_v2/limits_validator.rb:excessive_custom_objects_v2_trigger_actions_v2' }],
    ['an object without title_pluralized', { custom_objects_v2: { objects: [{ key: 'o', title: 'O', include_in_list_view: true }] } }, { rule: 'custom_objects_v2/schema_validator.rb:missing_cov2_object_schema_key', message: 'is missing title_pluralized' }],
    ['a field without a type', cov2({ object_fields: [{ key: 'f', title: 'F', object_key: 'baseline' }] }), { rule: 'custom_objects_v2/schema_validator.rb:missing_cov2_field_schema_key', key: 'custom_objects_v2.object_fields[0]' }],
    ['a trigger without a title', cov2({ object_triggers: [trigger('t', { title: undefined })] }), { rule: 'custom_objects_v2/schema_validator.rb:missing_cov2_trigger_schema_key_v2' }],
    ['trigger conditions with an unknown group', cov2({ object_triggers: [trigger('t', { conditions: { none: [] } })] }), { rule: 'custom_objects_v2/schema_validator.rb:invalid_cov2_trigger_conditions_structure_v2' }],
    ['trigger conditions that are empty lists', cov2({ object_triggers: [trigger('t', { conditions: { all: [], any: [] } })] }), { rule: 'custom_objects_v2/schema_validator.rb:empty_cov2_trigger_conditions_v2' }],
    ['trigger actions that are not a list', cov2({ object_triggers: [trigger('t', { actions: {} })] }), { rule: 'custom_objects_v2/schema_validator.rb:invalid_cov2_trigger_actions_structure_v2' }],
    ['a trigger without actions', cov2({ object_triggers: [trigger('t', { actions: [] })] }), { rule: 'custom_objects_v2/schema_validator.rb:empty_cov2_trigger_actions_v2' }],
    ['a {{setting.…}} placeholder', cov2({ object_fields: [field('f', { title: '{{ setting.label }}' })] }), { rule: 'custom_objects_v2/custom_objects_v2.rb:setting_placeholders_not_allowed_in_cov2_requirements' }],
    ['a field of an object not declared', cov2({ object_fields: [field('f', { object_key: 'ghost' })] }), { rule: 'custom_objects_v2/custom_objects_v2.rb:invalid_cov2_object_reference_in_fields_v2', key: 'custom_objects_v2.object_fields[0].object_key' }],
    ['a trigger of an object not declared', cov2({ object_triggers: [trigger('t', { object_key: 'ghost' })] }), { rule: 'custom_objects_v2/custom_objects_v2.rb:invalid_cov2_object_reference_in_triggers_v2' }],
  ] // prettier-ignore

  it.each(cases)('rejects %s', (_, requirements, expected) => {
    expect(zendeskErrors(withRequirements(requirements))).toContainEqual(
      expect.objectContaining({ file: 'requirements.json', severity: 'error', ...expected }),
    )
  })

  it('allows requirements only where the app kind does', () => {
    const reqs = { ticket_fields: { score: { type: 'integer', title: 'Score' } } }
    const chatOnly = withRequirements(reqs, {
      location: { chat: { chat_sidebar: { url: 'assets/index.html' } } },
    })
    expect(zendeskErrors(chatOnly)).toContainEqual(
      expect.objectContaining({ rule: 'requirements.rb:requirements_not_supported' }),
    )
    const marketing = withRequirements(reqs, {
      marketingOnly: true,
      private: false,
      location: undefined,
      frameworkVersion: undefined,
    })
    expect(zendeskErrors(marketing)).toContainEqual(
      expect.objectContaining({ rule: 'requirements.rb:requirements_not_supported' }),
    )
    const requirementsOnly = minimalPackage({
      requirementsOnly: true,
      location: undefined,
      frameworkVersion: undefined,
    })
    expect(zendeskErrors(requirementsOnly)).toContainEqual(
      expect.objectContaining({
        file: 'requirements.json',
        rule: 'requirements.rb:missing_requirements',
      }),
    )
  })

  it('checks field types the APIs create at the Marketplace level only', () => {
    const files = withRequirements({
      ticket_fields: { score: { type: 'number', title: 'Score' } },
      ...cov2({ object_fields: [field('a', { type: 'string' }), field('a')] }),
    })
    expect(zendeskErrors(files)).toEqual([])
    const strict = validatePackage(files, { marketplace: true }).filter(
      (p) => p.severity === 'error' && p.file === 'requirements.json',
    )
    expect(strict.map((p) => `${p.rule} ${p.key ?? ''}`)).toEqual([
      'marketplace:field-types ticket_fields.score.type',
      'marketplace:field-types custom_objects_v2.object_fields[0].type',
      'marketplace:field-keys custom_objects_v2.object_fields[1].key',
    ])
  })
})
