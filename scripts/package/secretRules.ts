// Zendesk's secret scan (zendesk_apps_support validations/secrets.rb), translated from Ruby regexps.
// It only warns: minified third-party code often trips it.

/** secrets.rb SECRET_KEYWORDS */
export const SECRET_KEYWORDS = [
  'password', 'secret', 'secretToken', 'secret_token', 'auth_key', 'authKey', 'auth_pass', 'authPass',
  'auth_user', 'AuthUser', 'api_key',
] // prettier-ignore

/**
 * secrets.rb APPLICATION_SECRETS, each Ruby pattern `head.*tail` (or `head.*.tail`, one character
 * at least between) split in two. Searching for the tail after the first head of each line gives
 * the same answer as the whole pattern without its quadratic backtracking on long minified lines.
 * `Generic Secret` is written `(?m)^…` in Ruby: its head starts a line and the gap spans lines.
 */
export type SecretRule = {
  name: string
  head: RegExp
  gap?: number
  tail?: RegExp
  lineStart?: boolean
  spansLines?: boolean
}

export const APPLICATION_SECRETS: SecretRule[] = [
  { name: 'Slack Token', head: /xox[p|b|o|a]-*.[a-z0-9]/ },
  { name: 'RSA Private Key', head: /-----BEGIN RSA PRIVATE KEY-----/ },
  { name: 'SSH Private Key (OpenSSH)', head: /-----BEGIN OPENSSH PRIVATE KEY-----/ },
  { name: 'SSH Private Key (DSA)', head: /-----BEGIN DSA PRIVATE KEY-----/ },
  { name: 'SSH Private Key (EC)', head: /-----BEGIN EC PRIVATE KEY-----/ },
  { name: 'PGP Private Key Block', head: /-----BEGIN PGP PRIVATE KEY BLOCK-----/ },
  {
    name: 'Facebook OAuth Token',
    head: /[f|F][a|A][c|C][e|E][b|B][o|O][o|O][k|K]( [|:"=-]|[:"=-|])/,
    gap: 1,
    tail: /[0-9a-f]{24,36}/,
  },
  {
    name: 'Twitter OAuth Token',
    head: /[t|T][w|W][i|I][t|T][t|T][e|E][r|R]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z]{30,45}/,
  },
  {
    name: 'Github Token',
    head: /[g|G][i|I][t|T][h|H][u|U][b|B]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z]{30,45}/,
  },
  {
    name: 'Google OAuth Token',
    head: /[c|C][l|L][i|I][e|E][n|N][t|T][-_][s|S][e|E][c|C][r|R][e|E][t|T]( [:"=-]|[:"=-])/,
    gap: 0,
    tail: /[a-zA-Z0-9\-_]{16,32}/,
  },
  { name: 'AWS Access Key ID', head: /AKIA[0-9A-Z]{8,24}/ },
  {
    name: 'AWS Secret Access Key',
    head: /[a|A][w|W][s|S][_-][s|S][e|E][c|C][r|R][e|E][t|T][_-][a|A][c|C][c|C][e|E][s|S][s|S][_-][k|K][e|E][y|Y]/,
    gap: 1,
    tail: /[0-9a-zA-Z]{24,48}/,
  },
  {
    name: 'Heroku API Key',
    head: /[h|H][e|E][r|R][o|O][k|K][u|U]/,
    gap: 0,
    tail: /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{6,18}/,
  },
  { name: 'Quickpay Secret', head: /quickpay_secret:/, gap: 1, tail: /[0-9a-zA-Z]{24,72}/ },
  {
    name: 'Doorman Secret',
    head: /[d|D][o|O][o|O][r|R][m|M][a|A][n|N][-_][s|S][e|E][c|C][r|R][e|E][t|T]/,
    gap: 1,
    tail: /[0-9a-f]{16,132}/,
  },
  { name: 'Shared Session Secret', head: /shared_session_secret/, gap: 1, tail: /[0-9a-f]{4,132}/ },
  {
    name: 'Permanent Cookie Secret',
    head: /permanent_cookie_secret/,
    gap: 1,
    tail: /[0-9a-f]{120,156}/,
  },
  {
    name: 'Scarlett AWS Secret Key',
    head: /[sS][cC][aA][rR][lL][eE][tT][tT][_-][aA][wW][sS][_-][sS][eE][cC][rR][eE][tT][_-][kK][eE][yY]/,
    gap: 1,
    tail: /[0-9a-zA-Z+.]{35,45}/,
  },
  { name: 'Braintree Key', head: /braintree_key/, gap: 1, tail: /[0-9a-zA-Z]{16,36}/ },
  {
    name: 'Ticket Validation Key',
    head: /ticket_validation_key/,
    gap: 1,
    tail: /[0-9a-zA-Z]{15,25}/,
  },
  {
    name: 'App Key',
    head: /[aA][pP][pP][-_][kK][eE][yY]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'App Secret',
    head: /[aA][pP][pP][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'Consumer Key',
    head: /[cC][oO][nN][sS][uU][mM][eE][rR][-_][kK][eE][yY]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'Consumer Secret',
    head: /[cC][oO][nN][sS][uU][mM][eE][rR][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'Generic Secret',
    head: /[sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
    lineStart: true,
    spansLines: true,
  },
  {
    name: 'Master Key',
    head: /[mM][aA][sS][tT][eE][rR][-_][kK][eE][yY]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'Master Secret',
    head: /[mM][aA][sS][tT][eE][rR][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'Token Key',
    head: /[tT][oO][kK][eE][nN][-_][kK][eE][yY]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'Token Secret',
    head: /[tT][oO][kK][eE][nN][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'Zendesk Zopim Mobile SSO Key',
    head: /zendesk_zopim_mobile_sso_key/,
    gap: 1,
    tail: /[0-9a-f]{58,68}/,
  },
  {
    name: 'Help Center Private Key',
    head: /[pP][rR][iI][vV][aA][tT][eE][-_][kK][eE][yY]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'X-Outbound-Key',
    head: /[xX][-][oO][uU][tT][bB][oO][uU][nN][dD][-][kK][eE][yY][:" \t=-]/,
    gap: 1,
    tail: /[0-9a-z-]{32,36}/,
  },
  { name: 'Attachment Token Key', head: /attachment_token_key/, gap: 1, tail: /[0-9a-f]{24,72}/ },
  {
    name: 'Password',
    head: /[pP][aA][sS][sS][wW][oO][rR][dD]/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
  {
    name: 'Token',
    head: /[tT][oO][kK][eE][nN]( [:"=-]|[:"=-])/,
    gap: 1,
    tail: /[0-9a-zA-Z+_.-]{4,156}/,
  },
]

/** Whether a text matches one of the gem's secret patterns (Ruby's `.` stops at a newline). */
export function hasSecret(text: string, rule: SecretRule): boolean {
  const head = rule.lineStart === true ? new RegExp(`^(?:${rule.head.source})`, 'm') : rule.head
  if (rule.tail === undefined) return head.test(text)
  const tail = rule.tail
  if (rule.spansLines === true) {
    const found = head.exec(text)
    return found !== null && tail.test(text.slice(found.index + found[0].length + (rule.gap ?? 0)))
  }
  for (const line of text.split('\n')) {
    const found = head.exec(line)
    if (found !== null && tail.test(line.slice(found.index + found[0].length + (rule.gap ?? 0))))
      return true
  }
  return false
}

/** package.rb text_files: the files the secret scan reads. */
export const SECRET_SCANNED = /.*(html?|xml|js|json?)$/
