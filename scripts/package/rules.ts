// Zendesk's package rules as constants, read from the zendesk_apps_support gem (lib/zendesk_apps_support/…).
// Our own stricter Marketplace rules are in marketplaceRules.ts.

/** Products and their legacy location keys (product.rb PRODUCTS_AVAILABLE). */
export const PRODUCTS = [
  { name: 'support', legacy: 'zendesk' },
  { name: 'chat', legacy: 'zopim' },
  { name: 'standalone_chat', legacy: 'lotus_box' },
  { name: 'sell', legacy: 'sell' },
] as const

/** Location names per product, and whether a v1 app may use them (location.rb LOCATIONS_AVAILABLE). */
export const LOCATIONS: Record<string, { name: string; v2Only: boolean }[]> = {
  support: [
    ...[
      'top_bar',
      'nav_bar',
      'ticket_sidebar',
      'new_ticket_sidebar',
      'user_sidebar',
      'organization_sidebar',
      'background',
      'system_top_bar',
    ].map((name) => ({ name, v2Only: false })),
    { name: 'modal', v2Only: true },
    { name: 'ticket_editor', v2Only: true },
    // Only valid behind the gem's validate_custom_object_record_sidebar_location flag, which the
    // default validation leaves off (validations/manifest.rb invalid_location_error).
    { name: 'custom_object_record_sidebar', v2Only: false },
  ],
  chat: ['chat_sidebar', 'background'].map((name) => ({ name, v2Only: true })),
  standalone_chat: ['nav_bar', 'system_top_bar'].map((name) => ({ name, v2Only: false })),
  sell: [
    'deal_card',
    'person_card',
    'company_card',
    'lead_card',
    'background',
    'modal',
    'dashboard',
    'note_editor',
    'call_log_editor',
    'email_editor',
    'top_bar',
    'visit_editor',
  ].map((name) => ({ name, v2Only: true })),
}

export const CUSTOM_OBJECT_RECORD_SIDEBAR = 'custom_object_record_sidebar'

/** The stub URL the gem gives v1 locations listed by name only (manifest.rb LEGACY_URI_STUB). */
export const LEGACY_URI_STUB = '_legacy'

/** Framework versions Zendesk serves (app_version.rb TO_BE_SERVED). */
export const FRAMEWORK_VERSIONS = ['2.0']

/** Parameter types; `mtls` only behind a flag the default validation leaves off (parameter.rb TYPES). */
export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth']

/** Where the proxy may insert a secure setting (validations/manifest.rb SECURE_PARAM_SCOPES). */
export const SECURE_PARAM_SCOPES = [
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
]

/** validations/manifest.rb OAUTH_REQUIRED_FIELDS. */
export const OAUTH_REQUIRED_FIELDS = [
  'client_id',
  'client_secret',
  'authorize_uri',
  'access_token_uri',
]

/** Manifest keys that must be true/false when present (validations/manifest.rb boolean_error). */
export const BOOLEAN_KEYS = ['requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls']

/** Manifest keys that must be strings when present (validations/manifest.rb string_error). */
export const STRING_KEYS = [
  'defaultLocale',
  'version',
  'frameworkVersion',
  'remoteInstallationURL',
  'termsConditionsURL',
  'gaID',
]

/** Experiments a Marketplace upload may enable (validations/marketplace.rb WHITELISTED_EXPERIMENTS). */
export const WHITELISTED_EXPERIMENTS = ['hashParams', 'newCssCompiler']

/** Locale names of translation files and defaultLocale (validations/translations.rb VALID_LOCALE). */
export const VALID_LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/

/** The Marketplace text a public app's en.json needs (validations/translations.rb get_missing_keys). */
export const PUBLIC_APP_KEYS = [
  'name',
  'short_description',
  'installation_instructions',
  'long_description',
]

/** Extensions and detected content subtypes Zendesk rejects (validations/mime.rb UNSUPPORTED_MIME_TYPES). */
export const UNSUPPORTED_MIME_TYPES = [
  'vnd.rar', 'rar', 'zip', 'gzip', 'pdf', 'doc', 'docx', 'avi', 'bin', 'bz', 'bz2', 'csh', 'sh', 'jar',
  'mp3', 'mpeg', 'odt', 'pptx', 'ppt', 'xls', 'xlsx', '7z',
] // prettier-ignore

/** Banner sizes (validations/banner.rb): 830×200, or twice that for HiDPI. */
export const BANNER_SIZES = [
  [830, 200],
  [1660, 400],
] as const

/** Requirement types (app_requirement.rb TYPES). */
export const REQUIREMENT_TYPES = [
  'automations', 'channel_integrations', 'custom_objects', 'macros', 'targets', 'views', 'ticket_fields',
  'triggers', 'user_fields', 'organization_fields', 'webhooks', 'custom_objects_v2',
] // prettier-ignore

/** validations/requirements.rb limits. */
export const MAX_REQUIREMENTS = 5000
export const MAX_CUSTOM_OBJECTS_REQUIREMENTS = 50

/** Target types Zendesk no longer creates (validations/requirements.rb invalid_target_types). */
export const INVALID_TARGET_TYPES = ['http_target', 'url_target_v2']

/** Keys every webhook requirement needs (validations/requirements.rb validate_webhook_keys). */
export const WEBHOOK_KEYS = ['name', 'status', 'endpoint', 'http_method', 'request_format']

/** Custom objects v2 limits (validations/custom_objects_v2/constants.rb). */
export const COV2 = {
  maxObjects: 50,
  maxFieldsPerObject: 20,
  maxTriggersPerObject: 10,
  maxConditionsPerTrigger: 50,
  maxActionsPerTrigger: 25,
  maxRelationshipFilterConditions: 20,
  maxSelectionFieldsPerObject: { dropdown: 5, multiselect: 5 } as Record<string, number>,
  maxOptionsPerSelectionField: { dropdown: 10, multiselect: 10 } as Record<string, number>,
  maxPayloadBytes: 1_048_576,
  objectKeys: ['key', 'title', 'title_pluralized', 'include_in_list_view'],
  fieldKeys: ['key', 'title', 'type', 'object_key'],
  triggerKeys: ['key', 'object_key', 'title', 'actions', 'conditions'],
}
