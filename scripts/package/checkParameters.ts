// Zendesk's parameter rules (zendesk_apps_support validations/manifest.rb validate_parameters,
// manifest/parameter.rb, and secure_settings.rb for the default-value warning).
import { isRecord } from '@/core/_lib/isRecord'

import type { Findings } from './context'
import { show, truthy } from './context'
import type { ManifestModel, ParameterEntry } from './manifestModel'
import { PARAMETER_TYPES, SECURE_PARAM_SCOPES } from './rules'

const FILE = 'manifest.json'

function scopeChecks(f: Findings, p: ParameterEntry): void {
  // manifest.rb invalid_secure_param_scopes_errors
  const scopes = p.raw.scopes
  if (scopes === undefined || scopes === null) return
  if (!truthy(p.raw.secure))
    f.zendesk(
      'manifest.rb:field_requires_secure_parameter',
      FILE,
      `${p.key}.scopes`,
      'scopes are only allowed on secure parameters',
    )
  if (!Array.isArray(scopes))
    return f.zendesk(
      'manifest.rb:unacceptable_array',
      FILE,
      `${p.key}.scopes`,
      `must be an array, got ${show(scopes)}`,
    )
  if (scopes.length === 0)
    f.zendesk('manifest.rb:field_cannot_be_empty', FILE, `${p.key}.scopes`, 'must not be empty')
  const invalid = scopes.filter((s) => typeof s !== 'string' || !SECURE_PARAM_SCOPES.includes(s))
  if (invalid.length > 0)
    f.zendesk(
      'manifest.rb:field_contains_invalid_values',
      FILE,
      `${p.key}.scopes`,
      `unknown scope ${invalid.map(show).join(', ')} (expected ${SECURE_PARAM_SCOPES.join(', ')})`,
    )
}

/** Checks `parameters` as Zendesk does, for the app's kind. */
export function checkParameters(f: Findings, model: ManifestModel): void {
  const params = model.parameters
  if (Array.isArray(model.raw.parameters)) {
    model.raw.parameters.forEach((p: unknown, i) => {
      // The gem reads each entry as a hash and fails on anything else.
      if (!isRecord(p))
        f.zendesk(
          'manifest.rb:parameters',
          FILE,
          `parameters[${i}]`,
          `must be an object, got ${show(p)}`,
        )
    })
  }
  if (model.marketingOnly) {
    // manifest.rb marketing_only_errors
    if (params.length > 0)
      f.zendesk(
        'manifest.rb:no_parameters_required',
        FILE,
        'parameters',
        'a marketing-only app cannot have parameters',
      )
    if (model.isPrivate)
      f.zendesk(
        'manifest.rb:marketing_only_app_cant_be_private',
        FILE,
        'private',
        'a marketing-only app cannot be private',
      )
    return
  }
  const names = params.map((p) => p.name)
  const oauthCount = params.filter((p) => p.type === 'oauth').length
  for (const p of params) {
    // manifest.rb parameters_error: unique names, boolean flags.
    if (names.filter((n) => n === p.name).length > 1)
      f.zendesk(
        'manifest.rb:duplicate_parameters',
        FILE,
        p.key,
        `duplicate parameter name ${show(p.name)}`,
      )
    for (const flag of ['required', 'secure']) {
      if (truthy(p.raw[flag]) && p.raw[flag] !== true)
        f.zendesk(
          'manifest.rb:unacceptable_boolean',
          FILE,
          `${p.key}.${flag}`,
          `must be true or false, got ${show(p.raw[flag])}`,
        )
    }
    // manifest.rb invalid_hidden_parameter_error
    if (p.type === 'hidden' && truthy(p.raw.required))
      f.zendesk(
        'manifest.rb:invalid_hidden_parameter',
        FILE,
        p.key,
        'hidden parameters cannot be required',
      )
    // manifest.rb invalid_type_error (parameter.rb TYPES, without mtls)
    if (typeof p.type !== 'string' || !PARAMETER_TYPES.includes(p.type)) {
      const hint = p.type === 'password' ? ' ("password" is gone: use a secure text parameter)' : ''
      f.zendesk(
        'manifest.rb:invalid_type_parameter',
        FILE,
        `${p.key}.type`,
        `unknown type ${show(p.type)}${hint} (expected one of ${PARAMETER_TYPES.join(', ')})`,
      )
    }
    // manifest.rb too_many_oauth_parameters, oauth_cannot_be_secure
    if (p.type === 'oauth' && oauthCount > 1)
      f.zendesk(
        'manifest.rb:too_many_oauth_parameters',
        FILE,
        p.key,
        'only one parameter may have type "oauth"',
      )
    if (p.type === 'oauth' && truthy(p.raw.secure))
      f.zendesk(
        'manifest.rb:oauth_parameter_cannot_be_secure',
        FILE,
        p.key,
        'oauth parameters cannot be secure',
      )
    // manifest.rb name_as_parameter_name_error
    if (p.name === 'name')
      f.zendesk(
        'manifest.rb:name_as_parameter_name',
        FILE,
        p.key,
        'a parameter cannot be called "name"',
      )
    scopeChecks(f, p)
    // secure_settings.rb: a default on a secure or hidden parameter is stored in the clear.
    if ('default' in p.raw && (truthy(p.raw.secure) || p.type === 'hidden'))
      f.zendeskWarning(
        'secure_settings.rb:default_secure_or_hidden_parameter_in_manifest',
        FILE,
        `${p.key}.default`,
        'defaults of secure or hidden parameters are not stored securely',
      )
  }
}
