// `via.channel` → our Channel: accepts via types (strings) and via ids (integers), unknown → other
// (docs/zendesk-api.md §2.2).

import type { Channel } from '@/core'

const BY_NAME: Readonly<Record<string, Channel>> = {
  email: 'email',
  mail: 'email',
  web: 'web',
  web_form: 'web',
  web_widget: 'web',
  help_center: 'web',
  dropbox: 'web',
  api: 'api',
  web_service: 'api',
  chat: 'chat',
  chat_transcript: 'chat',
  messaging: 'messaging',
  native_messaging: 'messaging',
  sunshine_conversations: 'messaging',
  whatsapp: 'messaging',
  voice: 'voice',
  phone: 'voice',
  voicemail: 'voice',
  mobile: 'mobile',
  mobile_sdk: 'mobile',
  iphone: 'mobile',
  android: 'mobile',
  twitter: 'twitter',
  facebook: 'facebook',
  rule: 'rule',
  system: 'system',
  linked_problem: 'system',
  merge: 'system',
  batch: 'system',
  recovered_from_suspended_tickets: 'system',
  automatic_solution_suggestions: 'system',
  sample_ticket: 'system',
}

/** Via ids listed in docs/zendesk-api.md §2.2. */
const BY_ID: Readonly<Record<number, Channel>> = {
  0: 'web',
  4: 'email',
  5: 'api',
  8: 'rule',
  9: 'system',
  15: 'mobile',
  17: 'web',
  19: 'system',
  20: 'system',
  21: 'system',
  22: 'system',
}

/**
 * Maps a `via.channel` value; `known` is false when it fell back to `other`.
 *
 * @example
 * normalizeChannel('native_messaging') //=> { channel: 'messaging', known: true }
 * normalizeChannel(4) //=> { channel: 'email', known: true }
 * normalizeChannel('carrier_pigeon') //=> { channel: 'other', known: false }
 */
export function normalizeChannel(value: unknown): { channel: Channel; known: boolean } {
  const hit =
    typeof value === 'string'
      ? BY_NAME[value.toLowerCase()]
      : typeof value === 'number'
        ? BY_ID[value]
        : undefined
  return hit === undefined ? { channel: 'other', known: false } : { channel: hit, known: true }
}
