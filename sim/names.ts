// Names in the generated account: people (customers and agents), companies and groups, all derived
// from the seed so the same seed always names everyone the same way.
import { hash32 } from './random'

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Carla',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
]
const LAST_NAMES = [
  'Adams',
  'Berg',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Mensah',
  'Novak',
  'Okafor',
  'Patel',
  'Quispe',
  'Rossi',
  'Silva',
  'Tanaka',
]
const COMPANY_WORDS = [
  'Acme',
  'Blue',
  'Cedar',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Kite',
  'Lumen',
  'Maple',
  'Nimbus',
  'Orbit',
  'Pine',
  'Quartz',
  'Ridge',
  'Summit',
  'Tidal',
]
const COMPANY_SUFFIX = ['Labs', 'Goods', 'Outfitters', 'Systems', 'Trading', 'Studio', 'Supply']
const GROUP_NAMES = [
  'Tier 1',
  'Billing',
  'Enterprise',
  'Technical',
  'Returns',
  'Onboarding',
  'Escalations',
  'Shipping',
]

export function personName(seed: number, id: number): string {
  const h = hash32(seed, 'name', id)
  return `${FIRST_NAMES[h % FIRST_NAMES.length] ?? 'Alex'} ${LAST_NAMES[(h >>> 8) % LAST_NAMES.length] ?? 'Smith'}`
}

/**
 * Agent names are distinct within a team of up to 480: the first and last names step through their
 * lists with strides coprime to the list lengths, from a seeded start.
 */
export function agentName(seed: number, index: number): string {
  const h = hash32(seed, 'agent-name', 0)
  const first = FIRST_NAMES[(h + index * 7) % FIRST_NAMES.length] ?? 'Alex'
  const round = Math.floor(index / FIRST_NAMES.length)
  const last = LAST_NAMES[((h >>> 8) + index * 3 + round) % LAST_NAMES.length] ?? 'Smith'
  return `${first} ${last}`
}

export function orgName(seed: number, index: number): string {
  const h = hash32(seed, 'org-name', index)
  const a = COMPANY_WORDS[h % COMPANY_WORDS.length] ?? 'Acme'
  const b = COMPANY_SUFFIX[(h >>> 8) % COMPANY_SUFFIX.length] ?? 'Co'
  return `${a} ${b} ${index + 1}`
}

export function groupName(index: number): string {
  return GROUP_NAMES[index] ?? `Group ${index + 1}`
}
