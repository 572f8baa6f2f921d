// Our stricter Marketplace rules as constants: good practice for a listed app, beyond what
// Zendesk's validation enforces. Zendesk's own rules are in rules.ts.

/** The manifest keys Zendesk reads (zendesk_apps_support manifest.rb RUBY_TO_JSON); others are typos. */
export const MANIFEST_KEYS = [
  'name', 'author', 'version', 'frameworkVersion', 'location', 'gaID', 'defaultLocale', 'parameters',
  'domainWhitelist', 'private', 'requirementsOnly', 'singleInstall', 'signedUrls', 'termsConditionsURL',
  'experiments', 'marketingOnly', 'oauth', 'remoteInstallationURL', 'noTemplate',
] // prettier-ignore

/** Location option keys (manifest/location_options.rb RUBY_TO_JSON) that must be booleans. */
export const LOCATION_FLAGS = ['flexible', 'autoLoad', 'autoHide', 'signed']

/** A semantic version, which `zcli apps:bump` and the Marketplace listing expect. */
export const SEMVER = /^\d+\.\d+\.\d+(-[\w.]+)?$/

/** The Marketplace listing text in the default locale (`description` is Zendesk's alias). */
export const LISTING_KEYS = [
  'name',
  'short_description',
  'long_description',
  'installation_instructions',
]

export const MAX_APP_NAME = 40

/** Extensions that never belong in an app package, on top of Zendesk's own list (mime.rb). */
export const BANNED_EXTENSIONS = [
  'zip', 'rar', 'gz', 'tgz', '7z', 'tar', 'bz2', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt',
  'mp3', 'wav', 'avi', 'mpeg', 'sh', 'csh', 'bat', 'exe', 'dll', 'so', 'bin', 'jar', 'class',
] // prettier-ignore

/** Files that hold credentials or local config and must never be uploaded. */
export const FORBIDDEN_FILES = [
  /(^|\/)zcli\.apps\.config\.json$/,
  /(^|\/)\.env(\.[^/]*)?$/,
  /(^|\/)\.npmrc$/,
]

/**
 * Credentials we refuse outright (Zendesk only warns, validations/secrets.rb). `literal`, when
 * given, must be in the text for the pattern to be tried: it keeps long bundles fast.
 */
export const SECRET_PATTERNS: { name: string; pattern: RegExp; literal?: string }[] = [
  {
    name: 'a private key',
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY( BLOCK)?-----/,
  },
  { name: 'an AWS access key', pattern: /\bAKIA[0-9A-Z]{16}\b/ },
  { name: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { name: 'a Slack token', pattern: /\bxox[abpr]-[A-Za-z0-9-]{10,}/ },
  {
    name: 'a Zendesk API token (email/token:…)',
    pattern: /[\w.+-]{1,64}@[\w.-]{1,253}\/token:[A-Za-z0-9]{16,}/,
    literal: '/token:',
  },
  {
    name: 'a ZENDESK_API_TOKEN value',
    pattern: /ZENDESK_API_TOKEN\s*[=:]\s*["']?[A-Za-z0-9]{16,}/,
  },
  { name: 'a hard-coded bearer token', pattern: /Bearer\s+(?!\{\{)[A-Za-z0-9\-_.=]{24,}/ },
]

export const TEXT_EXTENSIONS = [
  'js',
  'mjs',
  'html',
  'htm',
  'css',
  'json',
  'svg',
  'txt',
  'md',
  'map',
]

/** The SDK script every location page must load, or the app never connects to Zendesk. */
export const ZAF_SDK_PATTERN =
  /<script[^>]+src=["'](?:https:\/\/static\.zdassets\.com\/zendesk_app_framework_sdk\/2\.0\/zaf_sdk(?:\.min)?\.js|https:\/\/assets\.zendesk\.com\/apps\/sdk\/2\.0\/zaf_sdk\.js)["']/

export const SCREENSHOT_SIZES = [
  [1024, 768],
  [2048, 1536],
] as const
export const MAX_SCREENSHOTS = 3

/** Locations that show an icon (zendesk_apps_support package.rb LOCATIONS_WITH_ICONS_PER_PRODUCT). */
export const ICON_LOCATIONS: Record<string, string[]> = {
  support: ['top_bar', 'nav_bar', 'system_top_bar', 'ticket_editor'],
  sell: ['top_bar'],
}

/** Custom field types the Ticket, User and Organization Fields APIs create (Zendesk OpenAPI). */
export const FIELD_TYPES: Record<string, string[]> = {
  ticket_fields: ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'partialcreditcard', 'multiselect', 'tagger', 'lookup'],
  user_fields: ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'dropdown', 'lookup', 'multiselect'],
  organization_fields: ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'dropdown', 'lookup', 'multiselect'],
  custom_objects_v2: ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'dropdown', 'lookup', 'multiselect'],
} // prettier-ignore
