// Zendesk's app package rules, as the zendesk_apps_support validator applies them
// (../shared/reference/zendesk-platform.md §1–3), plus our own stricter Marketplace rules.

export const SUPPORT_LOCATIONS = [
  'top_bar',
  'nav_bar',
  'ticket_sidebar',
  'new_ticket_sidebar',
  'user_sidebar',
  'organization_sidebar',
  'background',
  'modal',
  'ticket_editor',
  'system_top_bar',
] as const

export const PRODUCTS = ['support', 'chat', 'sell'] as const

export const MANIFEST_KEYS = [
  'name',
  'author',
  'version',
  'frameworkVersion',
  'location',
  'gaID',
  'defaultLocale',
  'parameters',
  'domainWhitelist',
  'private',
  'requirementsOnly',
  'singleInstall',
  'signedUrls',
  'termsConditionsURL',
  'experiments',
  'marketingOnly',
  'oauth',
  'remoteInstallationURL',
] as const

export const REQUIRED_MANIFEST_KEYS = [
  'author',
  'defaultLocale',
  'location',
  'frameworkVersion',
  'version',
] as const

export const PARAMETER_TYPES = [
  'text',
  'checkbox',
  'url',
  'number',
  'multiline',
  'hidden',
  'oauth',
] as const

export const SCOPES = [
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
] as const

export const LOCALE_PATTERN = /^[a-z]{2,3}(-\w{2,3})?$/

export const MARKETPLACE_KEYS = [
  'name',
  'short_description',
  'long_description',
  'installation_instructions',
] as const

export const MAX_APP_NAME = 40

/** File types Zendesk flags in a package (zas validations/mime.rb). */
export const BANNED_EXTENSIONS = [
  'zip', 'rar', 'gz', 'tgz', '7z', 'tar', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx',
  'mp3', 'wav', 'sh', 'bat', 'exe', 'dll', 'so', 'jar', 'class',
] // prettier-ignore

/** Files that hold credentials or local config and must never be uploaded. */
export const FORBIDDEN_FILES = [
  /(^|\/)zcli\.apps\.config\.json$/,
  /(^|\/)\.env(\.[^/]*)?$/,
  /(^|\/)\.npmrc$/,
]

/** Secret-looking text (zas validations/secrets.rb, plus Zendesk API tokens). */
export const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'a private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH )?PRIVATE KEY-----/ },
  { name: 'an AWS access key', pattern: /\bAKIA[0-9A-Z]{16}\b/ },
  { name: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { name: 'a Slack token', pattern: /\bxox[abpr]-[A-Za-z0-9-]{10,}/ },
  {
    name: 'a Zendesk API token (email/token:…)',
    pattern: /[\w.+-]+@[\w.-]+\/token:[A-Za-z0-9]{16,}/,
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
